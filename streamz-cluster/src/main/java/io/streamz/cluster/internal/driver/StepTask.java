package io.streamz.cluster.internal.driver;

import io.streamz.cluster.internal.job.JobResult;
import io.streamz.cluster.internal.job.TaskLimit;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.ignite.lang.IgniteCallable;

/**
 * How every step sends a task: its job goes to the node that holds {@code partition} (the
 * {@link TaskTarget}'s affinity call, which keeps the named caches' partition there while the job
 * runs), as a {@link ClusterCall} (retried while the topology changes); the task counts on its
 * server's load in {@link Placement} while it is out, and its answer's timed-out elements are reported
 * ({@link TaskTimeouts#report}). One per cluster; thread-safe.
 */
final class StepTask {
    private final TaskTarget target;
    private final Placement placement;
    private final ClusterCalls calls;

    /** Sends jobs through {@code target}, placed by {@code placement}, as calls consulting {@code calls}. */
    StepTask(TaskTarget target, Placement placement, ClusterCalls calls) {
        this.target = target;
        this.placement = placement;
        this.calls = calls;
    }

    /**
     * Sends {@code job} to the primary node of {@code partition}; completes with its answer, on the
     * callback threads, once the bookkeeping above is done.
     *
     * @param sender where the call and its retries are sent from ({@link Placement#sender}, or the callback pool)
     * @param limit  the job's task timeout, or {@code null} for a job without one
     */
    CompletableFuture<JobResult> send(Executor sender, String what, TaskLimit limit, Collection<String> caches, int partition,
                                      IgniteCallable<JobResult> job) {
        return send(sender, placement.primary(partition), what, limit, caches, partition, job);
    }

    /** As above, counted on {@code server}: the one the dispatcher chose from the partition map it read. */
    CompletableFuture<JobResult> send(Executor sender, UUID server, String what, TaskLimit limit, Collection<String> caches,
                                      int partition, IgniteCallable<JobResult> job) {
        placement.started(server);
        return ClusterCall.start(calls, sender, what, limit, () -> target.call(caches, partition, job))
                .whenComplete((result, error) -> {
                    placement.finished(server);
                    if (limit != null) {
                        calls.timeouts().report(limit, result);
                    }
                });
    }

    /** The time limit of a new task of {@code step} ("cluster map"). */
    TaskLimit limit(String step) {
        return calls.timeouts().limit(step);
    }

    /** What a task of the state at {@code at} reserves its partition in now (see {@link StatePlace#reservedOn}). */
    List<String> reserving(StatePlace at) {
        return at.reservedOn(target::hasCache);
    }

    /** Where tasks go. */
    Placement placement() {
        return placement;
    }

    /**
     * Runs a task on a callback thread (right after the current callback, on a callback thread: see
     * {@link CallbackPool}): the sender of tasks that need no order among themselves.
     */
    Executor callbacks() {
        return calls.threads()::executeNext;
    }

    @Override
    public String toString() {
        return "StepTask[" + target + "]";
    }
}
