package io.streamz.cluster.internal.driver;

import io.streamz.cluster.internal.job.BatchIo;
import io.streamz.cluster.internal.job.JobInputs;
import io.streamz.cluster.internal.job.JobResult;
import io.streamz.cluster.internal.job.TaskLimit;
import io.streamz.local.internal.core.Futures;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One task of a cluster step on the driver: its elements, the job's inputs, which input batches are
 * consumed whole (the job removes them itself, or the driver once it answered, when the job cannot
 * replay a re-run without them) and which are released when it answers, then how its answer
 * completes the elements' result handles.
 */
final class TaskPlan {

    final List<Item> items;
    final JobInputs inputs;
    final Object[] consumed;
    /** The stored batches read and how to recompute each ({@code null}: it cannot be), taken while reads are owed to them. */
    final Map<TaskResults, Recipe> lineage;
    private final Map<TaskResults, Integer> partial;
    /** Batches consumed whole that the driver removes after the answer. */
    private final List<Object> removedAfter;

    private TaskPlan(List<Item> items, JobInputs inputs, Object[] consumed, Map<TaskResults, Recipe> lineage,
                     Map<TaskResults, Integer> partial, List<Object> removedAfter) {
        this.items = items;
        this.inputs = inputs;
        this.consumed = consumed;
        this.lineage = lineage;
        this.partial = partial;
        this.removedAfter = removedAfter;
    }

    /**
     * The plan of a task of {@code items}; {@code jobRemovesInputs} when the job may remove the batches
     * it consumes whole (it can answer a re-run from its stored outcomes).
     */
    static TaskPlan of(List<Item> items, boolean jobRemovesInputs) {
        JobInputs.Builder job = JobInputs.builder(items.size());
        Map<TaskResults, Integer> reads = new IdentityHashMap<>();
        for (Item item : items) {
            Inputs.describe(item.input, job, reads);
        }
        JobInputs inputs = job.build();
        List<Object> consumed = new ArrayList<>();
        Map<TaskResults, Integer> partial = new IdentityHashMap<>();
        Map<TaskResults, Recipe> lineage = new IdentityHashMap<>();
        reads.forEach((batch, count) -> {
            lineage.put(batch, batch.recipe());
            if (batch.claimAll(count)) {
                consumed.add(batch.key());
            } else {
                partial.put(batch, count);
            }
        });
        if (jobRemovesInputs) {
            return new TaskPlan(items, inputs, consumed.toArray(), lineage, partial, List.of());
        }
        return new TaskPlan(items, inputs, new Object[0], lineage, partial, consumed);
    }

    int size() {
        return items.size();
    }

    /** What the job reads and where its outcomes go: into {@code out}, within {@code limit}. */
    BatchIo io(TaskResults out, TaskLimit limit) {
        return new BatchIo(inputs, out.key(), out.returnsValues(), consumed, limit);
    }

    /**
     * The job answered ({@code result}) or failed for good ({@code error}): releases its inputs, then
     * completes the result handles (in a {@link Burst}, so the next step sends them together).
     * Completes once the handles are.
     */
    CompletableFuture<Void> finish(ResultStore store, TaskResults out, JobResult result, Throwable error) {
        return finish(store, out, result, error, (element, failure) -> failure);
    }

    /**
     * As {@link #finish(ResultStore, TaskResults, JobResult, Throwable)}, each element's failure shown
     * to the user as {@code shown} maps it.
     */
    CompletableFuture<Void> finish(ResultStore store, TaskResults out, JobResult result, Throwable error, Shown shown) {
        if (result != null) {
            out.completed(result);
        } else {
            // The job may have run and stored its output, or not have consumed its inputs: clean up both.
            if (out.key() != null) {
                store.remover().remove(out.key());
            }
            for (Object key : consumed) {
                store.remover().remove(key);
            }
        }
        return releaseInputs(store).thenRun(() -> Burst.run(() -> complete(store, out, result, error, shown)));
    }

    /** What the driver removes now that the job answered; completes when that is done. */
    private CompletableFuture<Void> releaseInputs(ResultStore store) {
        List<CompletableFuture<Void>> removals = null;
        for (Object key : removedAfter) {
            if (removals == null) {
                removals = new ArrayList<>();
            }
            removals.add(store.remover().remove(key));
        }
        for (Map.Entry<TaskResults, Integer> entry : partial.entrySet()) {
            CompletableFuture<Void> removal = entry.getKey().release(entry.getValue());
            if (removal != null) {
                if (removals == null) {
                    removals = new ArrayList<>();
                }
                removals.add(removal);
            }
        }
        return removals == null ? Futures.DONE : CompletableFuture.allOf(removals.toArray(CompletableFuture[]::new));
    }

    /** How the failure of element {@code element} of the task reaches the user. */
    interface Shown {
        Throwable failure(int element, Throwable failure);
    }

    private void complete(ResultStore store, TaskResults out, JobResult result, Throwable error, Shown shown) {
        Throwable[] errors = result == null ? null : result.errors(store.codec());
        Tally tally = new Tally();
        for (Item item : items) {
            item.output.tallyInto(tally);
        }
        tally.release();
        // The first element last: a consumer in emit order (gather, on its own thread) waits for it,
        // so it wakes once per task and finds the others known, rather than catching up with this
        // thread and going back to sleep several times per task.
        for (int i = 1; i < items.size(); i++) {
            settle(i, out, result, errors, error, shown);
        }
        settle(0, out, result, errors, error, shown);
    }

    /** Completes the handle of element {@code i} as the task's answer (or its failure for good) says. */
    private void settle(int i, TaskResults out, JobResult result, Throwable[] errors, Throwable error, Shown shown) {
        Handle handle = items.get(i).output;
        if (error != null) {
            handle.fail(shown.failure(i, error));
        } else {
            handle.settle(result, out, i, at -> shown.failure(at, errors[at]));
        }
    }

    /**
     * Settles an item that needs no task: its input failed (the result fails the same way) or was
     * filtered out (so is the result). Returns whether it was settled.
     */
    static boolean settleWithoutTask(Item item) {
        Throwable failure = Inputs.failure(item.input);
        if (failure != null) {
            Inputs.release(item.input);
            item.output.fail(failure);
            return true;
        }
        if (Inputs.absent(item.input)) {
            item.output.markAbsent();
            return true;
        }
        return false;
    }

    /** Fails an item that will never be sent. */
    static void abandon(Item item, Throwable reason) {
        Inputs.release(item.input);
        item.output.fail(reason);
    }
}
