package io.streamz.benchmarks.scaleout;

import io.streamz.Stream;
import io.streamz.cluster.Cluster;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The two pipelines the scale-out benchmark measures, each counting its results into {@code done}. Their
 * functions run on the servers, which peer-load this class: it holds no static state.
 */
final class Workloads {
    private Workloads() {
    }

    /** The name of the keyed workload over {@code keys} keys. */
    static String byKeyName(int keys) {
        return String.format(Locale.ROOT, "accumulateByKey, %,d keys", keys);
    }

    /** The name of the CPU-bound map doing {@code workMillis} of work per element. */
    static String mapName(double workMillis) {
        return "CPU-bound map, " + (workMillis == Math.rint(workMillis) ? Long.toString((long) workMillis)
                : Double.toString(workMillis)) + " ms/element";
    }

    /** {@code scatter().map(work).buffer(buffer).gather()}: {@code iterations} of {@link CpuWork} per element. */
    static void cpuBoundMap(Stream<Long> source, Cluster cluster, long iterations, int buffer, AtomicLong done) {
        source.scatter(cluster)
                .map((Long x) -> CpuWork.spin(iterations, x))
                .buffer(buffer)
                .gather()
                .sink(x -> done.incrementAndGet());
    }

    /**
     * {@code scatter().accumulateByKey(x % keys, ...).buffer(buffer).gather()}: a count per key, each update
     * doing {@code iterations} of {@link CpuWork} (its result's lowest bit, so the work cannot be skipped).
     */
    static void accumulateByKey(Stream<Long> source, Cluster cluster, long iterations, int keys, int buffer,
                                AtomicLong done) {
        source.scatter(cluster)
                .accumulateByKey((Long x) -> x % keys, (Long count, Long x) -> count + (CpuWork.spin(iterations, x) & 1), 0L)
                .buffer(buffer)
                .gather()
                .sink(x -> done.incrementAndGet());
    }
}
