package io.streamz.local.internal.core;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * streamz's {@code RefCounter}: counts the holders of one unit of input (a Kafka batch) and runs a
 * callback once, when the last one lets go. It starts held once, by its creator (the source, for the
 * duration of its emit); every node that keeps an element past the emit call holds it once more
 * ({@link Refs}). Any thread; the callback runs on the thread of the last {@link #release()}, maybe
 * under an operator's lock, so it must be short and must not emit (a source notes the input done).
 */
public final class RefCounter {
    private final AtomicInteger count = new AtomicInteger(1);
    private final Runnable onDone;
    /** Where the items of the counted batch lie, or {@code null}: what {@code flatten} positions them by. */
    private final BatchPositions positions;

    /** A counter held once by its creator; {@code onDone} runs when the count reaches zero. */
    public RefCounter(Runnable onDone) {
        this(onDone, null);
    }

    /**
     * A counter as {@link #RefCounter(Runnable)} for a batch whose items' positions are known
     * ({@code positions}, may be {@code null}): {@code flatten} emits each item under its position.
     */
    public RefCounter(Runnable onDone, BatchPositions positions) {
        if (onDone == null) {
            throw new IllegalArgumentException("RefCounter needs a callback for when its count reaches zero");
        }
        this.onDone = onDone;
        this.positions = positions;
    }

    /** The positions of the counted batch's items, or {@code null}. */
    BatchPositions positions() {
        return positions;
    }

    /**
     * One more holder.
     *
     * @throws IllegalStateException when the count already reached zero: a holder let go too early
     */
    public void retain() {
        if (count.getAndIncrement() <= 0) {
            throw new IllegalStateException(this + " was retained after it was done: a holder released it too early");
        }
    }

    /**
     * One holder less; at zero, runs the callback on this thread.
     *
     * @throws IllegalStateException when released more often than retained
     */
    public void release() {
        int left = count.decrementAndGet();
        if (left == 0) {
            onDone.run();
        } else if (left < 0) {
            throw new IllegalStateException(this + " was released more often than retained");
        }
    }

    /** Whether the count reached zero. */
    public boolean isDone() {
        return count.get() <= 0;
    }

    /** How many holders it has now. */
    public int count() {
        return count.get();
    }

    @Override
    public String toString() {
        return "<ref count=" + count.get() + ">";
    }
}
