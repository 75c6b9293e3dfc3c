package io.streamz.dataframe;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The {@link PlotTarget}s open in this JVM, which {@link Frame#plot(String...)} draws in: a
 * dashboard adds itself when it starts and removes itself when it closes. Thread-safe.
 */
public final class PlotTargets {
    private static final String DASHBOARD = "io.streamz.dashboard.Dashboard";
    private static final CopyOnWriteArrayList<PlotTarget> OPEN = new CopyOnWriteArrayList<>();

    private PlotTargets() {
    }

    /** {@code target} receives every {@code plot(...)} from now on, until {@link #remove}d. */
    public static void add(PlotTarget target) {
        OPEN.addIfAbsent(Objects.requireNonNull(target, "target"));
    }

    /** {@code target} receives no more plots (those it drew stay its business). */
    public static void remove(PlotTarget target) {
        OPEN.remove(target);
    }

    /** Checks {@code columns} of {@code frame} (every numeric value column when none), then draws them in each target. */
    static void draw(Frame<?, ?> frame, List<PlotTarget> targets, String... columns) {
        List<String> chosen = columns.length == 0 ? frame.frameColumns().numericValues() : Arrays.asList(columns);
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("nothing to plot: " + frame + " has no numeric value column");
        }
        for (String name : chosen) {
            frame.frameColumns().require(name);
        }
        frame.frameColumns().requireNumeric(chosen, "plot");
        for (PlotTarget target : targets) {
            target.plot(frame, List.copyOf(chosen));
        }
    }

    /** The open targets; fails, saying what to do, when there is none. */
    static List<PlotTarget> open() {
        List<PlotTarget> targets = List.copyOf(OPEN);
        if (!targets.isEmpty()) {
            return targets;
        }
        throw new IllegalStateException(dashboardOnClasspath()
                ? "no dashboard is open to plot in: call Dashboard.start(port) first, or pass one: plot(dashboard, columns...)"
                : "no dashboard to plot in: plot(...) draws in a Dashboard's page, from module streamz-dashboard, which is "
                        + "not on the classpath: add the dependency io.streamz:streamz-dashboard and call Dashboard.start(port) first");
    }

    private static boolean dashboardOnClasspath() {
        try {
            Class.forName(DASHBOARD, false, PlotTargets.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException absent) {
            return false;
        }
    }
}
