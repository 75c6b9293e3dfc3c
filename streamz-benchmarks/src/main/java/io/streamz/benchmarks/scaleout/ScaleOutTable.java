package io.streamz.benchmarks.scaleout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The scale-out figures as a Markdown table: one row per cluster size, and per workload its elements/s,
 * its speed-up over the smallest cluster measured, how busy the servers were against their CPU limit and how
 * busy the driver was (when the servers are below their limit, the driver's column says whether it held them up).
 * A size a workload has no figure for shows a dash.
 */
final class ScaleOutTable {
    private ScaleOutTable() {
    }

    /**
     * The table of {@code measurements} (workloads in the order they first appear), for servers limited to
     * {@code cpus} CPUs each.
     *
     * @throws IllegalArgumentException when {@code measurements} is empty
     */
    static String markdown(List<Measurement> measurements, double cpus) {
        if (measurements.isEmpty()) {
            throw new IllegalArgumentException("no measurements to tabulate");
        }
        Map<String, Map<Integer, Measurement>> byWorkload = new LinkedHashMap<>();
        SortedSet<Integer> sizes = new TreeSet<>();
        for (Measurement m : measurements) {
            byWorkload.computeIfAbsent(m.workload(), w -> new LinkedHashMap<>()).put(m.servers(), m);
            sizes.add(m.servers());
        }
        String limit = String.format(Locale.ROOT, "%.0f %%", cpus * 100);
        StringBuilder table = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("servers (`--cpus " + trim(cpus) + "` each)"));
        for (String workload : byWorkload.keySet()) {
            header.add(workload + ", elements/s");
            header.add("× " + sizes.first() + " server" + (sizes.first() == 1 ? "" : "s"));
            header.add("server CPU (limit " + limit + ")");
            header.add("driver CPU");
        }
        row(table, header);
        row(table, header.stream().map(h -> "---").toList());
        for (int size : sizes) {
            List<String> cells = new ArrayList<>(List.of(Integer.toString(size)));
            for (Map<Integer, Measurement> figures : byWorkload.values()) {
                Optional<Measurement> m = Optional.ofNullable(figures.get(size));
                Optional<Measurement> base = Optional.ofNullable(figures.get(sizes.first()));
                cells.add(m.map(x -> String.format(Locale.ROOT, "%,.0f", x.elementsPerSecond())).orElse("–"));
                cells.add(m.flatMap(x -> base.map(b -> String.format(Locale.ROOT, "%.2fx",
                        x.elementsPerSecond() / b.elementsPerSecond()))).orElse("–"));
                cells.add(m.map(x -> percent(x.cpuPercent())).orElse("–"));
                cells.add(m.map(x -> percent(x.driverCpuPercent())).orElse("–"));
            }
            row(table, cells);
        }
        return table.toString();
    }

    private static String percent(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.0f %%", value);
    }

    private static void row(StringBuilder table, List<String> cells) {
        table.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    private static String trim(double cpus) {
        return cpus == Math.rint(cpus) ? Long.toString((long) cpus) : Double.toString(cpus);
    }
}
