package io.streamz.cluster.ignite.driver;

import io.streamz.cluster.ignite.job.Caches;
import io.streamz.cluster.ignite.job.Codec;
import io.streamz.cluster.ignite.job.ElementJob;
import io.streamz.cluster.ignite.job.JobResult;
import io.streamz.cluster.ignite.job.TaskLimit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.ignite.lang.IgniteCallable;

/**
 * How the tasks of one cluster step are sent and answered, the bookkeeping every dispatcher shares:
 * the batch each task's results go to ({@link TaskResults}, read by the step's {@link Uses}), its time
 * limit ({@link TaskTimeouts}), sending it where its inputs lie or where the step's state lies
 * ({@link StepTask}), how a lost result is recomputed ({@link Recipe}), and completing the elements
 * from the answer ({@link TaskPlan#finish}). The one place where a dispatcher's tasks reach the
 * cluster's context: a dispatcher holds this instead. Thread-safe.
 */
final class StepTasks {
    private final ClusterContext context;
    /** The step as operations name it: "cluster map", with the function's class. */
    private final String what;
    private final Uses uses;

    StepTasks(ClusterContext context, String what, Uses uses) {
        this.context = context;
        this.what = what;
        this.uses = uses;
    }

    /** Where the results of a task in {@code partition} go. */
    TaskResults results(int partition) {
        return new TaskResults(context, partition, uses);
    }

    /** The time limit of a new task of the step. */
    TaskLimit limit() {
        return context.timeouts().limit(what);
    }

    /** The partition a task of {@code input} runs in: where the input lies, else one of the least loaded server. */
    int partitionOf(Object input) {
        int location = Inputs.location(input);
        return location >= 0 ? location : context.placement().partitionOnLeastLoadedServer();
    }

    /**
     * Sends {@code job} to the node of {@code partition}, where its inputs lie, after the tasks sent
     * there before it (see {@link Placement#sender}); completes with its answer on the callback threads.
     */
    CompletableFuture<JobResult> sendWhereInputsLie(int partition, TaskLimit limit, IgniteCallable<JobResult> job) {
        return StepTask.send(context, context.placement().sender(partition), what, limit, Caches.DATA_ONLY, partition, job);
    }

    /**
     * Sends {@code job} to the node of {@code partition}, counted on {@code server} ({@code null}: the
     * partition's primary now), reserving the partition of the state at {@code at}; completes with its
     * answer on the callback threads.
     */
    CompletableFuture<JobResult> sendToState(StatePlace at, UUID server, int partition, TaskLimit limit,
                                             IgniteCallable<JobResult> job) {
        UUID counted = server != null ? server : context.placement().primary(partition);
        return StepTask.send(context, context::execute, counted, what, limit, at.reservedOn(context), partition, job);
    }

    /** How to compute the results of {@code job}, run in {@code partition}, again when they are lost. */
    Recipe recipe(ElementJob job, int partition, TaskLimit limit, Map<TaskResults, Recipe> lineage) {
        return new Recipe(context, job, partition, what, limit, lineage);
    }

    /** Completes the elements of {@code plan} from the answer, as {@link TaskPlan#finish} does. */
    CompletableFuture<Void> finish(TaskPlan plan, TaskResults out, JobResult result, Throwable error) {
        return plan.finish(context, out, result, error);
    }

    /** As above, each element's failure shown to the user as {@code shown} maps it. */
    CompletableFuture<Void> finish(TaskPlan plan, TaskResults out, JobResult result, Throwable error, TaskPlan.Shown shown) {
        return plan.finish(context, out, result, error, shown);
    }

    /** Decodes what jobs answer. */
    Codec codec() {
        return context.codec();
    }

    /** The cluster's name, for messages. */
    String clusterName() {
        return context.name();
    }

    @Override
    public String toString() {
        return "StepTasks[" + what + " on " + context.name() + "]";
    }
}
