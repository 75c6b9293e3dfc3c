package io.streamz.cluster.internal.driver;

import io.streamz.cluster.internal.job.Causes;
import io.streamz.cluster.internal.job.JobResult;
import io.streamz.cluster.internal.job.MissingInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Runs a task of an element-wise step so that it survives the loss of its stored inputs (every
 * server holding a batch and its backup restarted): when the job fails because an input batch is
 * gone (and its own earlier run did not consume it: the job answers such a re-run from its stored
 * outcomes), the batch is recomputed from its {@link Recipe} and the task sent again (a job names
 * one missing input at a time: a task that read several lost batches recomputes them one after the
 * other). Bounded: a task recomputes each of its inputs at most {@link #MAX_RECOMPUTATIONS} times,
 * and each try is an operation bounded by the operation timeout. A batch that has no recipe (an
 * accumulate's output) fails the task with a message saying so.
 */
final class LostInputs {
    /** Enough for a restart or two during one task; more would only hide a cluster losing data over and over. */
    static final int MAX_RECOMPUTATIONS = 3;

    private LostInputs() {
    }

    /**
     * Runs {@code attempt} (a task reading the stored {@code inputs}, with their recipes), recomputing
     * lost inputs as described above. Completes on the callback threads. A batch recomputed only for
     * this task (no reads of it are owed any more: it was read before and recomputed for a re-run of
     * its consumer) is removed once the task and every other task that asked for it answered, so that
     * nothing is left behind (see {@link Recipe#read}).
     */
    static CompletableFuture<JobResult> run(Map<TaskResults, Recipe> inputs, Supplier<CompletableFuture<JobResult>> attempt) {
        List<TaskResults> recomputed = new ArrayList<>();
        CompletableFuture<JobResult> result = attempt(inputs, attempt, recomputed);
        return result.whenComplete((ignored, error) -> {
            synchronized (recomputed) {
                recomputed.forEach(batch -> inputs.get(batch).read(batch));
            }
        });
    }

    private static CompletableFuture<JobResult> attempt(Map<TaskResults, Recipe> inputs,
                                                        Supplier<CompletableFuture<JobResult>> attempt,
                                                        List<TaskResults> recomputed) {
        return attempt.get().handle((result, error) -> {
            if (error == null) {
                return CompletableFuture.completedFuture(result);
            }
            MissingInputException missing = missing(error);
            if (missing == null || inputs.isEmpty()) {
                return CompletableFuture.<JobResult>failedFuture(error);
            }
            TaskResults lost = inputs.keySet().stream().filter(b -> missing.key().equals(b.key())).findFirst().orElse(null);
            if (lost == null) {
                return CompletableFuture.<JobResult>failedFuture(error);
            }
            Recipe recipe = inputs.get(lost);
            if (recipe == null) {
                return CompletableFuture.<JobResult>failedFuture(new IllegalStateException(missing.getMessage()
                        + "; it cannot be recomputed: it is the output of an accumulate, which depends on the state it had then", missing));
            }
            int times;
            synchronized (recomputed) {
                times = Collections.frequency(recomputed, lost);
                if (times < MAX_RECOMPUTATIONS) {
                    recomputed.add(lost);
                }
            }
            if (times >= MAX_RECOMPUTATIONS) {
                return CompletableFuture.<JobResult>failedFuture(new IllegalStateException(missing.getMessage()
                        + "; it was recomputed " + times + " times and lost again: check that the servers stay up", missing));
            }
            return recipe.recompute().thenCompose(ignored -> attempt(inputs, attempt, recomputed));
        }).thenCompose(next -> next);
    }

    /** The job's missing-input failure, under Ignite's and the futures' wrappers, or {@code null}. */
    private static MissingInputException missing(Throwable error) {
        return Causes.first(error, MissingInputException.class);
    }
}
