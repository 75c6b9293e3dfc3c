package io.streamz.cluster.internal.driver;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.ToIntFunction;

/**
 * The tasks one keyed step has out on each server, and how large its next task for a server is. A
 * server takes at most {@link BatchPolicy#tasksFor} tasks of the step at once for its compute threads or
 * its CPUs, whichever are fewer (one running per CPU, and a quarter more waiting in its queue). The
 * elements the step holds for a server (waiting and out) are split over those slots: a task takes a
 * slot's share of them, at least the {@link BatchPolicy#batchLimit()} the measured time per element
 * gives and at most {@link BatchPolicy#MAX_BATCH}. So with more elements than slots, each task carries
 * several and its costs (the job's messages, reading and writing each key's state and its backup) are
 * shared by them, while a task runs on every CPU and another waits to start as soon as one ends; with
 * fewer, each element goes alone and starts at once. As Nagle's rule: while the server has tasks of
 * the step out, a task waits until its share is ready. Servers are node ids, {@code null} for
 * partitions no server holds. Guarded by the step's lock.
 *
 * <p>Why CPUs: a keyed step's per-task costs are a large part of its server CPU, and threads beyond a
 * server's CPUs only time-slice the same CPUs, so counting them made tasks smaller for nothing. Side
 * by side on an embedded cluster of 2 servers (8 threads, 2 CPUs each, the driver counting 32), a
 * 1 ms function over 1,000 keys went from about 2 elements per task to 11, and the servers' CPU beyond
 * the work from 0.5–1.1 ms per element to 0.2–0.6 (README, scale-out). A server's CPUs are what its
 * JVM reports (a container limited with {@code --cpus 0.5} reports 1); while unknown, its threads count.
 * The cost: a function that waits rather than computes uses at most that many of a server's threads
 * for one keyed step.
 */
final class ServerSlots {
    private static final int[] NONE = {0, 0};
    private final int threads;
    private final ToIntFunction<UUID> cpus;
    /** Per server: tasks out, elements in them. */
    private final Map<UUID, int[]> out = new HashMap<>();

    /**
     * The slots of a step on servers with {@code threadsPerServer} compute threads and the CPUs
     * {@code cpus} gives per server (0 when unknown).
     */
    ServerSlots(int threadsPerServer, ToIntFunction<UUID> cpus) {
        this.threads = threadsPerServer;
        this.cpus = cpus;
    }

    /** How many tasks of the step {@code server} takes at once. */
    int slots(UUID server) {
        int known = server == null ? 0 : cpus.applyAsInt(server);
        return BatchPolicy.tasksFor(known > 0 ? Math.min(threads, known) : threads);
    }

    /** Whether {@code server} may take another task of the step. */
    boolean free(UUID server) {
        return tasks(server) < slots(server);
    }

    /** Tasks of the step out on {@code server}. */
    int tasks(UUID server) {
        return out.getOrDefault(server, NONE)[0];
    }

    /**
     * How many elements the next task for {@code server} takes while {@code waiting} of the step's
     * elements wait for it; at least {@code batchLimit}, what the measured time per element gives.
     */
    int taskSize(UUID server, int waiting, int batchLimit) {
        int held = waiting + out.getOrDefault(server, NONE)[1];
        int slots = slots(server);
        int share = (held + slots - 1) / slots;
        return Math.min(BatchPolicy.MAX_BATCH, Math.max(batchLimit, share));
    }

    /** Whether a task of the {@code ready} elements should leave for {@code server} now, its size being {@code size}. */
    boolean sendNow(UUID server, int ready, int size) {
        return free(server) && (ready >= size || tasks(server) == 0);
    }

    /** A task of {@code elements} left for {@code server}. */
    void sent(UUID server, int elements) {
        int[] counts = out.computeIfAbsent(server, s -> new int[2]);
        counts[0]++;
        counts[1] += elements;
    }

    /** A task of {@code elements} sent to {@code server} is over. */
    void answered(UUID server, int elements) {
        int[] counts = out.get(server);
        counts[0]--;
        counts[1] -= elements;
        if (counts[0] == 0) {
            // A server that left keeps no entry once its last task failed over and answered.
            out.remove(server);
        }
    }

    @Override
    public String toString() {
        return "ServerSlots[" + threads + " threads per server, or fewer CPUs, out " + out.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()[0] + " tasks/" + e.getValue()[1] + " elements").toList() + "]";
    }
}
