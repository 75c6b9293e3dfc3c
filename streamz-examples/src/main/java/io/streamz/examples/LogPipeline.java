package io.streamz.examples;

import io.streamz.Source;
import io.streamz.Stream;
import io.streamz.TextFileOptions;
import io.streamz.cluster.IgniteCluster;
import io.streamz.dashboard.Dashboard;
import io.streamz.cluster.IgniteClusterOptions;
import io.streamz.dataframe.Series;
import io.streamz.progress.ProgressReporter;
import tech.tablesaw.api.DoubleColumn;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The main job: a generated access log grows while the job runs; its lines are followed like
 * {@code tail -f}, parsed on the Ignite cluster, and counted by status class in one-second windows
 * that are printed with a progress line; every 5 s a {@link ProgressReporter} line on standard error
 * gives the lines counted so far and the rate.
 *
 * <pre>
 * lines = Stream.fromTextFile(log)
 * lines.scatter(cluster).map(AccessLogLine::parse).map(AccessLogLine::statusClass)
 *      .buffer(64).gather()
 *      .timedWindow(1 s).map(count by status class).sink(print)
 * </pre>
 *
 * {@code --dashboard PORT} serves the live dashboard and its Prometheus metrics on that loopback port
 * while the job runs (0: a free port, printed), with a live plot of the lines counted per second. Runs on an embedded 2-server cluster by default; {@code --connect host:port,...} joins a running
 * one (the Docker cluster) instead, with {@code --tls DIR} presenting the client certificate that
 * docker/scripts/make-certs.sh made in DIR. {@code --seconds N} (default 10) and {@code --rate L} lines per
 * second (default 2000) shape the run. Exits non-zero unless every written line was counted once.
 */
public final class LogPipeline {
    /** The column the dashboard plots with {@code --dashboard}: lines counted per one-second window. */
    static final String PER_SECOND_COLUMN = "lines per second";

    private LogPipeline() {
    }

    public static void main(String[] args) throws Exception {
        JobOptions options = JobOptions.parse(args);
        int exitCode = run(options, System.out);
        System.exit(exitCode);
    }

    private static IgniteClusterOptions connectOptions(JobOptions options) {
        return options.tls() == null ? IgniteClusterOptions.defaults() : IgniteClusterOptions.defaults().withTls(options.tls());
    }

    /** Runs the job and returns the process exit code: 0 when every line was counted exactly once. */
    static int run(JobOptions options, PrintStream out) throws Exception {
        return run(options, out, dashboard -> { });
    }

    /**
     * {@link #run(JobOptions, PrintStream)}, handing the dashboard that {@code --dashboard} asks for to
     * {@code onDashboard} (on this thread, once it serves, before the log grows), so that a test can
     * open its page; it stays open until the job is done.
     */
    static int run(JobOptions options, PrintStream out, Consumer<Dashboard> onDashboard) throws Exception {
        Path log = Files.createTempDirectory("streamz-example").resolve("access.log");
        Files.createFile(log);
        out.println("streamz example: following " + log + " for " + options.seconds() + " s at "
                + options.linesPerSecond() + " lines/s");
        AtomicLong counted = new AtomicLong();
        try (IgniteCluster cluster = options.connectTo().isEmpty()
                ? IgniteCluster.local(2)
                : IgniteCluster.connect(connectOptions(options), options.connectTo().toArray(String[]::new))) {
            out.println("cluster: " + cluster);
            try (Dashboard dashboard = startDashboard(options, cluster, out)) {
                if (dashboard != null) {
                    onDashboard.accept(dashboard);
                }
                return follow(log, cluster, options, counted, dashboard, out);
            }
        }
    }

    /** The dashboard that {@code --dashboard PORT} asks for, watching {@code cluster}, or {@code null}. */
    private static Dashboard startDashboard(JobOptions options, IgniteCluster cluster, PrintStream out) {
        if (options.dashboardPort() == null) {
            return null;
        }
        Dashboard dashboard = Dashboard.start(options.dashboardPort()).watch(cluster);
        out.println("dashboard: " + dashboard.url() + " (Prometheus metrics at " + dashboard.url() + "metrics)");
        return dashboard;
    }

    /**
     * With a dashboard: a live line of the lines counted in each one-second window, so that its plots
     * panel shows the job's rate; returns what feeds it (on the window's sink thread). Without: a no-op.
     * The dashboard draws the job's own graphs only, not those the cluster built to warm up.
     */
    private static IntConsumer plotPerSecond(Dashboard dashboard) {
        if (dashboard == null) {
            return lines -> { };
        }
        Stream<DoubleColumn> perSecond = Stream.create("lines per second");
        dashboard.show(perSecond).plot(Series.of(perSecond, DoubleColumn.create(PER_SECOND_COLUMN)));
        return lines -> perSecond.emit(DoubleColumn.create(PER_SECOND_COLUMN, new double[] {lines}));
    }

    private static int follow(Path log, IgniteCluster cluster, JobOptions options, AtomicLong counted,
            Dashboard dashboard, PrintStream out) throws Exception {
        IntConsumer perSecond = plotPerSecond(dashboard);
        Source<String> lines = Stream.fromTextFile(log, TextFileOptions.defaults().withPollInterval(Duration.ofMillis(50)));
        try (LogGenerator generator = new LogGenerator(log, options.linesPerSecond())) {
            // Named so that the dashboard and the metrics tell the local steps apart.
            lines.named("access.log");
            lines.scatter(cluster)
                    .map(AccessLogLine::parse)
                    .map(AccessLogLine::statusClass)
                    .buffer(64)
                    .gather().named("gather")
                    .timedWindow(Duration.ofSeconds(1)).named("per second")
                    .sink(window -> {
                        report(window, counted, generator, out);
                        perSecond.accept(window.size());
                    });
            if (dashboard != null) {
                dashboard.show(lines);
            }
            lines.start();
            generator.start();
            try (ProgressReporter progress = ProgressReporter.start("main job, log lines counted", counted::get)) {
                Thread.sleep(options.seconds() * 1000L);
                generator.close();
                awaitCaughtUp(counted, generator.linesWritten(), Duration.ofSeconds(30));
            }
            lines.stop();
            long written = generator.linesWritten();
            out.printf("done: %d lines written, %d counted%n", written, counted.get());
            return written == counted.get() ? 0 : 1;
        }
    }

    private static void report(List<String> window, AtomicLong counted, LogGenerator generator, PrintStream out) {
        long total = counted.addAndGet(window.size());
        Map<String, Long> byStatus = window.stream()
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
        out.printf("%s  window %5d lines %s | progress: %d counted of %d written%n",
                LocalTime.now().truncatedTo(ChronoUnit.SECONDS), window.size(), byStatus, total, generator.linesWritten());
    }

    private static void awaitCaughtUp(AtomicLong counted, long target, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (counted.get() < target && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }
}
