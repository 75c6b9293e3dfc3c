package io.streamz.cluster.internal.driver;

import org.apache.ignite.compute.ComputeJobSibling;
import org.apache.ignite.compute.ComputeTaskFuture;
import org.apache.ignite.internal.GridJobSiblingImpl;
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

    /**
     * The server that ran the task's job: its one job sibling knows the node it was mapped to (moved
     * there again on failover). Ignite's public API does not say (the session's topology is every
     * server the task could have gone to), so the sibling's implementation is asked; when that fails
     * with another Ignite version, a task whose topology has one server is still placed.
     */
    private static UUID serverOf(IgniteFuture<?> attempt) {
        if (attempt instanceof ComputeTaskFuture<?> task) {
            try {
                Collection<ComputeJobSibling> jobs = task.getTaskSession().getJobSiblings();
                if (jobs.size() == 1 && jobs.iterator().next() instanceof GridJobSiblingImpl job && job.nodeId() != null) {
                    return job.nodeId();
                }
                Collection<UUID> nodes = task.getTaskSession().getTopology();
                return nodes.size() == 1 ? nodes.iterator().next() : null;
            } catch (RuntimeException unknown) {
                return null;
            }
        }
        return null;
    }
}
