package io.streamz.cluster.internal.driver;

import io.streamz.cluster.internal.job.JobResult;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * How to compute a stored {@link TaskResults} of an element-wise step (map, filter, starmap) again when
 * it was lost with the servers holding it and its backup (lineage, as in Spark): the very job that
 * produced it, run again in the same partition, stores the same outcomes under the same key (jobs
 * are idempotent). This assumes the step's function is deterministic: a recomputed element is the
 * same function of the same input. The job's shipped inputs (a scattered element's encoded bytes)
 * are in the job itself; its stored inputs have their own recipes, taken when the producing task
 * was planned, and are recomputed first when they are gone too (see {@link LostInputs}). An
 * accumulate's output has no recipe: its state cannot be recomputed.
 *
 * <p>Memory: a batch holds its recipe only while reads are owed to it (then it forgets it; behind a
 * window or {@code latest}, while the batch is reachable), and the tasks reading it hold it until they
 * answered; a recipe holds its job (with the shipped bytes of scattered inputs) and the recipes of its
 * producer's inputs. All are bounded by the results in flight (buffers and {@code maxBytesInFlight}).
 * Thread-safe.
 */
final class Recipe {
    /** Runs the producing job again, in its partition. */
    private final Supplier<CompletableFuture<JobResult>> rerun;
    private final Remover remover;
    /** The producer's stored input batches and their recipes ({@code null} for one that has none). */
    private final Map<TaskResults, Recipe> inputs;
    private CompletableFuture<Void> running;
    /** Tasks that asked for the recomputation and have not answered yet: the entry is theirs until then. */
    private int readers;

    /**
     * A recipe running {@code rerun} (the producing job, sent again in its partition: see
     * {@link StepTasks#recipe}; a test's stands for it) and removing a batch nobody reads with {@code remover}.
     */
    Recipe(Supplier<CompletableFuture<JobResult>> rerun, Map<TaskResults, Recipe> inputs, Remover remover) {
        this.rerun = rerun;
        this.inputs = inputs;
        this.remover = remover;
    }

    /**
     * Runs the producing job again (its lost inputs first); completes, on the callback threads, once
     * the batch is stored again, or exceptionally when it cannot be. Tasks that lost the same batch
     * at the same time share one recomputation. The caller owes a {@link #read} once its task answered.
     */
    synchronized CompletableFuture<Void> recompute() {
        readers++;
        if (running == null || running.isDone()) {
            running = LostInputs.run(inputs, rerun).thenApply(result -> null);
        }
        return running;
    }

    /**
     * A task that asked for the recomputation of {@code batch} (this recipe's) answered. When no other
     * such task is left and no consumer owes a read of it (it had been read before and was recomputed
     * only for a re-run of another producer), its entry is removed: nobody else would.
     */
    void read(TaskResults batch) {
        synchronized (this) {
            if (--readers > 0) {
                return;
            }
        }
        if (batch.released()) {
            remover.remove(batch.key());
        }
    }
}
