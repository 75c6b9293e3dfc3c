package io.streamz.local.internal.ops;

import io.streamz.Stream;
import io.streamz.local.internal.core.Node;

import java.util.concurrent.CompletableFuture;

/**
 * {@code slice}: passes on the elements at some positions of the stream (0-based, counted as they
 * arrive), with streamz 0.6.4's rule: position {@code p} passes when {@code p >= start} and
 * {@code p % step == 0} (not {@code (p - start) % step}: {@code slice(1, 10, 2)} passes 2, 4, 6, 8).
 * Once the element at position {@code end - 1} has arrived, the node detaches from its upstreams.
 *
 * <p>Departures from streamz, which treats an {@code end} of 0 as "no end" by Python truthiness: here
 * {@code end = 0} is an empty slice. An element counts towards the positions even when downstream
 * fails on it, so that a failure does not shift the positions of the elements after it.
 *
 * <p>One element at a time under this node's lock, on the emitting thread; the detaching happens
 * after the lock is released. Downstream's back pressure is passed back.
 *
 * @param <T> element type
 */
final class SliceNode<T> extends Node<T> {
    /** The {@code end} of a slice that never ends. */
    public static final long NO_END = Long.MAX_VALUE;

    private final Object lock = new Object();
    private final long start;
    private final long end;
    private final long step;
    private long position;
    private boolean finished;

    /**
     * A slice of {@code upstream}; arguments checked by the caller.
     *
     * @param end the position to stop before, or {@link #NO_END}; at most 0 makes an empty slice that never attaches
     */
    SliceNode(Node<T> upstream, int start, long end, int step) {
        super(upstream.scheduler());
        this.start = start;
        this.end = end;
        this.step = step;
        this.finished = end <= 0;
        if (!finished) {
            upstream.connect(this);
        }
    }

    @Override
    public CompletableFuture<?> update(Object x, Node<?> from) {
        boolean reachedEnd = false;
        try {
            synchronized (lock) {
                if (finished) {
                    return null; // arrived from another thread while this node was detaching
                }
                long current = position++;
                reachedEnd = position >= end;
                finished = reachedEnd;
                if (current >= start && current % step == 0) {
                    return emitDownstream(x);
                }
                return null;
            }
        } finally {
            if (reachedEnd) {
                detach();
            }
        }
    }

    private void detach() {
        for (Stream<?> upstream : upstreams()) {
            upstream.disconnect(this);
        }
    }

    @Override
    protected String operatorName() {
        return "slice";
    }
}
