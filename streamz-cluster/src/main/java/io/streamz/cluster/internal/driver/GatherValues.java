package io.streamz.cluster.internal.driver;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What {@code gather} makes of a handle: its value, fetched with the rest of its batch in one read,
 * or {@link #SKIP} for a filtered-out element; a {@code List} of handles becomes the {@code List} of
 * their values (without the filtered-out ones). A failed element fails with its original exception.
 */
public final class GatherValues {
    /** The value of a filtered-out element: nothing to emit. */
    public static final Object SKIP = new Object();
    /** What {@link #now} gives when the value is not known yet, or needs more than a look: use {@link #of}. */
    public static final Object LATER = new Object();

    private GatherValues() {
    }

    /**
     * The value of {@code input} when it is known here and now without side effects (a value still on
     * the driver, a filtered-out element, or a result that came back with its task's answer), else
     * {@link #LATER}: the way of most elements, without the futures of {@link #of}. Any thread.
     */
    public static Object now(Object input) {
        if (!(input instanceof Handle handle) || !handle.isDone()) {
            return LATER;
        }
        if (handle.isInline()) {
            return handle.inlineValue();
        }
        if (handle.failure() != null) {
            return LATER;
        }
        if (handle.isAbsent()) {
            return SKIP;
        }
        Object[] values = handle.batch().returnedValues();
        return values == null ? LATER : values[handle.index()];
    }

    /** The value of {@code input}, or {@link #SKIP}, once known; fails as the element failed. */
    public static CompletableFuture<Object> of(Object input) {
        CompletableFuture<?> ready = Inputs.whenReady(input);
        if (ready == null) {
            return whenReady(input);
        }
        return ready.handle((ignored, error) -> null).thenCompose(ignored -> whenReady(input));
    }

    private static CompletableFuture<Object> whenReady(Object input) {
        Throwable failure = Inputs.failure(input);
        if (failure != null) {
            // Whatever else this element holds is dropped with it, and owed no more reads.
            Inputs.release(input);
            return CompletableFuture.failedFuture(failure);
        }
        return value(input);
    }

    private static CompletableFuture<Object> value(Object input) {
        if (input instanceof Handle handle) {
            if (handle.isInline()) {
                return CompletableFuture.completedFuture(handle.inlineValue());
            }
            if (handle.isAbsent()) {
                return CompletableFuture.completedFuture(SKIP);
            }
            TaskResults batch = handle.batch();
            return batch.values().thenCompose(values -> afterRead(batch, values[handle.index()]));
        }
        List<?> parts = (List<?>) input;
        List<CompletableFuture<Object>> values = new ArrayList<>(parts.size());
        for (Object part : parts) {
            values.add(value(part));
        }
        return CompletableFuture.allOf(values.toArray(CompletableFuture[]::new)).thenApply(ignored -> {
            List<Object> list = new ArrayList<>(values.size());
            for (CompletableFuture<Object> v : values) {
                Object value = v.join();
                if (value != SKIP) {
                    list.add(value);
                }
            }
            // Not List.copyOf: values may be null.
            return Collections.unmodifiableList(list);
        });
    }

    private static CompletableFuture<Object> afterRead(TaskResults batch, Object value) {
        CompletableFuture<Void> removal = batch.gathered();
        return removal == null ? CompletableFuture.completedFuture(value) : removal.thenApply(ignored -> value);
    }
}
