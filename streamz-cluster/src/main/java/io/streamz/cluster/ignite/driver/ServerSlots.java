package io.streamz.cluster.ignite.driver;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The tasks one keyed step has out on each server, and how large its next task for a server is. A
 * server takes at most {@link BatchPolicy#tasksFor} tasks of the step at once (one per thread,
 * and a quarter more waiting in its queue). The elements the step holds for a server (waiting and out)
 * are split over those slots: a task takes a slot's share of them, at least the
 * {@link BatchPolicy#batchLimit()} the measured time per element gives and at most
 * {@link BatchPolicy#MAX_BATCH}. So with more elements than the server has threads, each task carries
 * several and its costs (the job's messages, reading and writing each key's state and its backup) are
 * shared by them, while there is still a task for every thread; with fewer, each element goes alone
 * and starts at once. As Nagle's rule: while the server has tasks of the step out, a task waits until
 * its share is ready. Servers are node ids, {@code null} for partitions no server holds. Guarded by
 * the step's lock.
 */
final class ServerSlots {
    private static final int[] NONE = {0, 0};
    private final int slots;
    /** Per server: tasks out, elements in them. */
    private final Map<UUID, int[]> out = new HashMap<>();

    /** The slots of a step on servers with {@code threadsPerServer} compute threads. */
    ServerSlots(int threadsPerServer) {
        this.slots = BatchPolicy.tasksFor(threadsPerServer);
    }

    /** Whether {@code server} may take another task of the step. */
    boolean free(UUID server) {
        return tasks(server) < slots;
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
        return "ServerSlots[" + slots + " per server, out " + out.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()[0] + " tasks/" + e.getValue()[1] + " elements").toList() + "]";
    }
}
