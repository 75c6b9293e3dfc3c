package io.streamz.local.internal.ops;

import io.streamz.CollectStream;
import io.streamz.local.internal.core.Futures;
import io.streamz.local.internal.core.Node;
import io.streamz.local.internal.core.Refs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code collect}: holds every element until {@link #flush()}, which emits them as one immutable
 * {@code List} (an empty one too) and starts a new collection. Holding is the point of this operator,
 * so {@code drain} does not wait for it.
 *
 * <p>Receiving returns at once (no back pressure). {@code flush} runs on its caller's thread, emits
 * under this node's lock and, like {@code emit}, returns once downstream has accepted the
 * {@code List}; when downstream throws, the exception reaches the {@code flush} caller and the
 * elements stay for the next flush (as in streamz).
 *
 * @param <T> element type
 */
final class CollectNode<T> extends Node<List<T>> implements CollectStream<T> {
    private final Object lock = new Object();
    private final List<T> cache = new ArrayList<>();
    /** The cache's size: written under the lock, read without it, so a dashboard never waits for a flush. */
    private volatile int held;
    /** The references of the elements in {@link #cache}. */
    private Refs cacheRefs;

    /** A collector subscribed to {@code upstream}. */
    CollectNode(Node<T> upstream) {
        super(upstream.scheduler());
        upstream.connect(this);
    }

    @Override
    @SuppressWarnings("unchecked")
    public CompletableFuture<?> update(Object x, Node<?> from) {
        synchronized (lock) {
            cache.add((T) x);
            held = cache.size();
            cacheRefs = Refs.merge(cacheRefs, Refs.retainCurrent());
        }
        return null;
    }

    @Override
    public void flush() {
        checkAlive();
        CompletableFuture<?> accepted;
        synchronized (lock) {
            List<T> collected = Tuple.copyOf(cache);
            Refs collectedRefs = cacheRefs;
            cacheRefs = null;
            accepted = Refs.emitAndRelease(this, collected, collectedRefs);
            // Only what was emitted: downstream may have fed this node again (a feedback loop).
            cache.subList(0, collected.size()).clear();
            held = cache.size();
        }
        Futures.await(accepted);
    }

    @Override
    protected void release() {
        synchronized (lock) {
            cache.clear();
            held = 0;
        }
    }

    /** The elements collected since the last flush. */
    @Override
    public int held() {
        return held;
    }

    @Override
    protected String operatorName() {
        return "collect";
    }
}
