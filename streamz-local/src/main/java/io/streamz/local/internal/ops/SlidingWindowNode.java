package io.streamz.local.internal.ops;

import io.streamz.local.internal.core.Node;
import io.streamz.local.internal.core.RefSlots;
import io.streamz.local.internal.core.Refs;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code sliding_window}: on each element, emits the last {@code n} elements as an immutable
 * {@code List}, oldest first. Without {@code returnPartial} (the default, as the seed documents) the
 * first {@code n - 1} elements emit nothing; with it they emit the shorter windows.
 *
 * <p>One element at a time under this node's lock, on the emitting thread, emitting while holding it.
 * Downstream's back pressure is passed back. The window holds its last {@code n} elements for good,
 * and their {@link Refs}: an element's input is done only once it left the window.
 *
 * @param <T> element type
 */
final class SlidingWindowNode<T> extends Node<List<T>> {
    private final Object lock = new Object();
    private final boolean returnPartial;
    private final Object[] ring;
    /** The references of the elements in {@link #ring}, in the same places. */
    private final RefSlots ringRefs;
    private int next;
    /** Elements in the window: written under the lock, read by {@link #held()} without it. */
    private volatile int count;

    /** Windows of the last {@code n} elements of {@code upstream} ({@code n} at least 1, checked by the caller). */
    SlidingWindowNode(Node<T> upstream, int n, boolean returnPartial) {
        super(upstream.scheduler());
        this.returnPartial = returnPartial;
        this.ring = new Object[n];
        this.ringRefs = new RefSlots(n);
        upstream.connect(this);
    }

    @Override
    public CompletableFuture<?> update(Object x, Node<?> from) {
        synchronized (lock) {
            Refs evicted = ringRefs.put(next, Refs.retainCurrent());
            ring[next] = x;
            next = (next + 1) % ring.length;
            count = Math.min(count + 1, ring.length);
            if (count < ring.length && !returnPartial) {
                return null;
            }
            // The evicted element is not in this window: its hold ends now.
            Refs.release(evicted);
            return Refs.emitAndRelease(this, Tuple.wrap(window()), ringRefs.retainUnion());
        }
    }

    /** The last {@code count} elements, oldest first, in a new array. */
    private Object[] window() {
        Object[] window = new Object[count];
        int oldest = (next - count + ring.length) % ring.length;
        for (int i = 0; i < count; i++) {
            window[i] = ring[(oldest + i) % ring.length];
        }
        return window;
    }

    /** The elements of the window, kept for the windows to come. */
    @Override
    public int held() {
        return count;
    }

    @Override
    protected String operatorName() {
        return "sliding_window";
    }

    @Override
    protected String describeArgument() {
        return String.valueOf(ring.length);
    }
}
