package io.streamz.cluster.ignite.driver;

import io.streamz.cluster.ignite.job.JobResult;
import io.streamz.cluster.ignite.job.TaskLimit;
import java.util.Collection;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.ignite.lang.IgniteCallable;

/**
 * How every step sends a task: its job goes to the node that holds {@code partition} (Ignite's affinity
 * call, which keeps the named caches' partition there while the job runs), as a {@link ClusterCall}
 * (retried while the topology changes); the task counts on its server's load in {@link Placement} while
 * it is out, and its answer's timed-out elements are reported ({@link TaskTimeouts#report}). Stateless.
 */
final class StepTask {
    private StepTask() {
    }

    /**
     * Sends {@code job} to the primary node of {@code partition}; completes with its answer, on the
     * callback threads, once the bookkeeping above is done.
     *
     * @param sender where the call and its retries are sent from ({@link Placement#sender}, or the callback pool)
     * @param limit  the job's task timeout, or {@code null} for a job without one
     */
    static CompletableFuture<JobResult> send(ClusterContext context, Executor sender, String what, TaskLimit limit,
                                             Collection<String> caches, int partition, IgniteCallable<JobResult> job) {
        return send(context, sender, context.placement().primary(partition), what, limit, caches, partition, job);
    }

    /** As above, counted on {@code server}: the one the dispatcher chose from the partition map it read. */
    static CompletableFuture<JobResult> send(ClusterContext context, Executor sender, UUID server, String what,
                                             TaskLimit limit, Collection<String> caches, int partition,
                                             IgniteCallable<JobResult> job) {
        context.placement().started(server);
        return ClusterCall.start(context.calls(), sender, what, limit, () -> context.compute().affinityCallAsync(caches, partition, job))
                .whenComplete((result, error) -> {
                    context.placement().finished(server);
                    if (limit != null) {
                        context.timeouts().report(limit, result);
                    }
                });
    }
}
