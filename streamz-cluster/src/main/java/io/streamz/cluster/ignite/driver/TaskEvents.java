package io.streamz.cluster.ignite.driver;

import org.apache.ignite.compute.ComputeTaskFuture;
import org.apache.ignite.lang.IgniteFuture;

import java.util.Collection;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A hook for watching the cluster tasks this driver runs (a dashboard's task stream): each task that
 * finishes, successfully or not, is reported to every listener on the driver's callback thread that
 * completed it. With no listener (the usual case) reporting costs a read of an empty list.
 */
public final class TaskEvents {
    private static final CopyOnWriteArrayList<Consumer<Task>> LISTENERS = new CopyOnWriteArrayList<>();

    private TaskEvents() {
    }

    /**
     * One finished task.
     *
     * @param what       what it was ("cluster map", "cluster accumulate")
     * @param server     the id of the node that ran its last attempt, or {@code null} if unknown
     * @param startedMillis when it was sent, epoch milliseconds
     * @param nanos      how long it took from sending to its answer
     * @param failed     whether it failed
     */
    public record Task(String what, UUID server, long startedMillis, long nanos, boolean failed) {
    }

    /**
     * Reports every task finishing from now on to {@code listener} (which must be quick and must not
     * throw) until the returned handle is closed.
     */
    public static AutoCloseable listen(Consumer<Task> listener) {
        LISTENERS.add(listener);
        return () -> LISTENERS.remove(listener);
    }

    static boolean watched() {
        return !LISTENERS.isEmpty();
    }

    static void finished(String what, IgniteFuture<?> lastAttempt, long startedNanos, boolean failed) {
        long nanos = System.nanoTime() - startedNanos;
        Task task = new Task(what, serverOf(lastAttempt), System.currentTimeMillis() - nanos / 1_000_000, nanos, failed);
        for (Consumer<Task> listener : LISTENERS) {
            listener.accept(task);
        }
    }

    private static UUID serverOf(IgniteFuture<?> attempt) {
        if (attempt instanceof ComputeTaskFuture<?> task) {
            try {
                Collection<UUID> nodes = task.getTaskSession().getTopology();
                return nodes.size() == 1 ? nodes.iterator().next() : null;
            } catch (RuntimeException unknown) {
                return null;
            }
        }
        return null;
    }
}
