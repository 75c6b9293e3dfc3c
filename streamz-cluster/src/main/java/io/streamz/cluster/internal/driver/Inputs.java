package io.streamz.cluster.internal.driver;

import io.streamz.cluster.internal.job.JobInputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The input of a cluster step as the driver sees it: a {@link Handle}, or a {@code List} of inputs
 * (zip, partition and the windows put handles in Lists). These walk such trees.
 */
final class Inputs {
    private Inputs() {
    }

    /** {@code null} when every handle in {@code input} is complete, else a future completing when they all are. */
    static CompletableFuture<?> whenReady(Object input) {
        if (input instanceof Handle handle) {
            return handle.isDone() ? null : handle.ready();
        }
        List<CompletableFuture<?>> pending = new ArrayList<>();
        forEachHandle(input, h -> {
            if (!h.isDone()) {
                pending.add(h.ready());
            }
        });
        return pending.isEmpty() ? null : CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new));
    }

    /** The exception of the first failed handle in {@code input}, or {@code null}. */
    static Throwable failure(Object input) {
        if (input instanceof Handle handle) {
            // The way of every element of a plain pipeline: no walk, nothing allocated.
            return handle.isInline() ? null : failure(handle);
        }
        Throwable[] first = new Throwable[1];
        forEachHandle(input, h -> {
            if (first[0] == null && !h.isInline()) {
                first[0] = failure(h);
            }
        });
        return first[0];
    }

    /** The exception of one complete result handle, or {@code null}. */
    private static Throwable failure(Handle h) {
        if (h.failure() != null) {
            return h.failure();
        }
        if (!h.isAbsent() && !h.batch().readable()) {
            return new IllegalStateException("this result was discarded: when it was computed, its cluster "
                    + "stream had no consumer yet; attach gather() and the next steps before emitting");
        }
        return null;
    }

    /** Whether {@code input} is a single handle to a filtered-out element. */
    static boolean absent(Object input) {
        return input instanceof Handle handle && handle.isAbsent();
    }

    /** The partition holding the first stored handle of {@code input}, or -1 when all are inline. */
    static int location(Object input) {
        if (input instanceof Handle handle) {
            return handle.isInline() || handle.isAbsent() ? -1 : handle.batch().partition();
        }
        int[] found = {-1};
        forEachHandle(input, h -> {
            if (found[0] < 0 && !h.isInline() && !h.isAbsent()) {
                found[0] = h.batch().partition();
            }
        });
        return found[0];
    }

    /** Adds {@code input} to the job's inputs; counts in {@code reads} how many elements of each batch it reads. */
    static void describe(Object input, JobInputs.Builder job, Map<TaskResults, Integer> reads) {
        if (input instanceof Handle handle && handle.isInline()) {
            job.addValue(handle.encoded());
        } else {
            job.add(part(input, job, reads));
        }
    }

    private static Object part(Object input, JobInputs.Builder job, Map<TaskResults, Integer> reads) {
        if (input instanceof Handle handle) {
            if (handle.isInline()) {
                return job.nestedValue(handle.encoded());
            }
            reads.merge(handle.batch(), 1, Integer::sum);
            return job.ref(handle.batch().key(), handle.index());
        }
        List<Object> parts = new ArrayList<>();
        for (Object part : (List<?>) input) {
            if (!(part instanceof Handle handle && handle.isAbsent())) {
                parts.add(part(part, job, reads));
            }
        }
        return job.composite(parts);
    }

    /** The stored handles of an input that will not be read after all (it failed): their reads are owed no more. */
    static void release(Object input) {
        forEachHandle(input, h -> {
            if (!h.isInline() && h.isDone() && h.failure() == null && !h.isAbsent()) {
                h.batch().release(1);
            }
        });
    }

    static void forEachHandle(Object input, Consumer<Handle> action) {
        if (input instanceof Handle handle) {
            action.accept(handle);
        } else if (input instanceof List<?> list) {
            for (Object part : list) {
                forEachHandle(part, action);
            }
        } else {
            throw new IllegalStateException("a cluster stream carries handles, not " + input);
        }
    }
}
