package io.streamz.dashboard;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.streamz.cluster.IgniteCluster;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Gauges of an open {@link IgniteCluster}: {@code streamz.cluster.servers},
 * {@code streamz.cluster.stored.results}, {@code streamz.cluster.stored.states} and, tagged
 * {@code server}, {@code streamz.cluster.tasks.running}, {@code streamz.cluster.tasks.queued},
 * {@code streamz.cluster.heap.used} (bytes) and {@code streamz.cluster.cpu.load} (0..1).
 * {@link #refresh()} adds the gauges of servers that joined since. Thread-safe.
 */
final class ClusterMeters implements AutoCloseable {
    private final MeterRegistry registry;
    private final IgniteCluster cluster;
    private final List<Meter> meters = new ArrayList<>();
    private final Set<String> serversBound = new HashSet<>();

    ClusterMeters(MeterRegistry registry, IgniteCluster cluster) {
        this.registry = registry;
        this.cluster = cluster;
        meters.add(Gauge.builder("streamz.cluster.servers", cluster, c -> ClusterView.servers(c).size())
                .description("server nodes in the cluster").register(registry));
        meters.add(Gauge.builder("streamz.cluster.stored.results", cluster, c -> ClusterView.storedOrMinusOne(c, true))
                .description("results the cluster stores for gathers to come").register(registry));
        meters.add(Gauge.builder("streamz.cluster.stored.states", cluster, c -> ClusterView.storedOrMinusOne(c, false))
                .description("accumulate states the cluster stores").register(registry));
        refresh();
    }

    synchronized void refresh() {
        for (ClusterView.Server server : ClusterView.servers(cluster)) {
            if (serversBound.add(server.name())) {
                String name = server.name();
                serverGauge("streamz.cluster.tasks.running", "jobs running on the server", name, s -> s.tasksRunning());
                serverGauge("streamz.cluster.tasks.queued", "jobs waiting on the server", name, s -> s.tasksQueued());
                serverGauge("streamz.cluster.heap.used", "heap used on the server, bytes", name, s -> s.heapUsed());
                serverGauge("streamz.cluster.cpu.load", "CPU load of the server, 0..1", name, s -> s.cpuLoad());
            }
        }
    }

    private void serverGauge(String metric, String description, String server, ToDoubleFunction<ClusterView.Server> read) {
        meters.add(Gauge.builder(metric, cluster, c -> ClusterView.servers(c).stream()
                        .filter(s -> s.name().equals(server)).mapToDouble(read).findFirst().orElse(Double.NaN))
                .description(description).tag("server", server).register(registry));
    }

    @Override
    public synchronized void close() {
        meters.forEach(registry::remove);
        meters.clear();
    }
}
