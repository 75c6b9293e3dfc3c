package io.streamz.cluster.internal.driver;

import io.streamz.cluster.internal.job.Caches;
import io.streamz.cluster.internal.job.Codec;
import io.streamz.cluster.internal.job.ElementJob;
import io.streamz.cluster.internal.job.JobResult;
import io.streamz.cluster.internal.job.TaskLimit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.ignite.lang.IgniteCallable;

/**
 * How the tasks of one cluster step are sent and answered, the bookkeeping every dispatcher shares:
 * the batch each task's results go to ({@link TaskResults}, read by the step's {@link Uses}), its time
 * limit ({@link TaskTimeouts}), sending it where its inputs lie or where the step's state lies
 * ({@link StepTask}), how a lost result is recomputed ({@link Recipe}), and completing the elements
 * from the answer ({@link TaskPlan#finish}). Made of the two parts of the cluster's context that
 * tasks use, the {@link StepTask} that sends them and the {@link ResultStore} of their results, so
 * that a test builds a dispatcher on stand-ins of both. Thread-safe.
 */
final class StepTasks {
    private final StepTask sending;
    private final ResultStore store;
    /** The step as operations name it: "cluster map", with the function's class. */
    private final String what;
    private final Uses uses;

    /** The tasks of the step {@code what}, sent by {@code sending}, their results, which {@code uses} reads, kept in {@code store}. */
    StepTasks(StepTask sending, ResultStore store, String what, Uses uses) {
        this.sending = sending;
        this.store = store;
        this.what = what;
        this.uses = uses;
    }

    /** Where the results of a task in {@code partition} go. */
    TaskResults results(int partition) {
        return new TaskResults(store, partition, uses);
    }

    /** The time limit of a new task of the step. */
    TaskLimit limit() {
        return sending.limit(what);
    }

    /** The partition a task of {@code input} runs in: where the input lies, else one of the least loaded server. */
    int partitionOf(Object input) {
        int location = Inputs.location(input);
        return location >= 0 ? location : sending.placement().partitionOnLeastLoadedServer();
    }

    /**
     * Sends {@code job} to the node of {@code partition}, where its inputs lie, after the tasks sent
     * there before it (see {@link Placement#sender}); completes with its answer on the callback threads.
     */
    CompletableFuture<JobResult> sendWhereInputsLie(int partition, TaskLimit limit, IgniteCallable<JobResult> job) {
        return sendWhereInputsLie(what, partition, limit, job);
    }

    private CompletableFuture<JobResult> sendWhereInputsLie(String task, int partition, TaskLimit limit,
                                                            IgniteCallable<JobResult> job) {
        return sending.send(sending.placement().sender(partition), task, limit, Caches.DATA_ONLY, partition, job);
    }

    /**
     * Sends {@code job} to the node of {@code partition}, counted on {@code server} ({@code null}: the
     * partition's primary now), reserving the partition of the state at {@code at}; completes with its
     * answer on the callback threads.
     */
    CompletableFuture<JobResult> sendToState(StatePlace at, UUID server, int partition, TaskLimit limit,
                                             IgniteCallable<JobResult> job) {
        UUID counted = server != null ? server : sending.placement().primary(partition);
        return sending.send(sending.callbacks(), counted, what, limit, sending.reserving(at), partition, job);
    }

    /** How to compute the results of {@code job}, run in {@code partition}, again when they are lost. */
    Recipe recipe(ElementJob job, int partition, TaskLimit limit, Map<TaskResults, Recipe> lineage) {
        return new Recipe(() -> sendWhereInputsLie(what + " (recomputing a lost result)", partition, limit, job), lineage,
                store.remover());
    }

    /** Completes the elements of {@code plan} from the answer, as {@link TaskPlan#finish} does. */
    CompletableFuture<Void> finish(TaskPlan plan, TaskResults out, JobResult result, Throwable error) {
        return plan.finish(store, out, result, error);
    }

    /** As above, each element's failure shown to the user as {@code shown} maps it. */
    CompletableFuture<Void> finish(TaskPlan plan, TaskResults out, JobResult result, Throwable error, TaskPlan.Shown shown) {
        return plan.finish(store, out, result, error, shown);
    }

    /** Decodes what jobs answer. */
    Codec codec() {
        return store.codec();
    }

    /** The cluster's name, for messages. */
    String clusterName() {
        return store.cluster();
    }

    @Override
    public String toString() {
        return "StepTasks[" + what + " on " + store.cluster() + "]";
    }
}
