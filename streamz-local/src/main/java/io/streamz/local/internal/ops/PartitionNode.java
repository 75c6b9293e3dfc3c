package io.streamz.local.internal.ops;

import io.streamz.local.internal.core.Node;
import io.streamz.local.internal.core.Refs;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * {@code partition} without a timeout: groups elements into immutable {@code List}s of {@code n},
 * by {@code key(x)} when a key function is given (one group per key, each emitted when it holds
 * {@code n}: {@code partition(2, x -> x % 2)} over 0..6 gives [0, 2], [1, 3], [4, 6]). A group that
 * never fills is held for good; elements wait here only in that sense, so {@code drain} does not
 * wait for them.
 *
 * <p>One element at a time under this node's lock, on the emitting thread, emitting a full group while
 * holding it. A key function that throws leaves the groups unchanged. Downstream's back pressure is
 * passed back to the emitter of the element that filled the group.
 *
 * @param <T> element type
 */
final class PartitionNode<T> extends Node<List<T>> {
    private final Object lock = new Object();
    private final PartitionGroups<T> groups;
    /** What the groups hold: written under the lock, read without it, so a dashboard never waits for downstream. */
    private volatile int held;

    /** @param key what groups elements, or {@code null} for one group */
    PartitionNode(Node<T> upstream, int n, Function<? super T, ?> key) {
        super(upstream.scheduler());
        this.groups = new PartitionGroups<>(n, key);
        upstream.connect(this);
    }

    @Override
    @SuppressWarnings("unchecked")
    public CompletableFuture<?> update(Object x, Node<?> from) {
        T element = (T) x;
        Object k = groups.keyOf(element);
        synchronized (lock) {
            List<T> full = groups.add(k, element);
            held = groups.elements();
            return full == null ? null : Refs.emitAndRelease(this, full, groups.takeRefs(k));
        }
    }

    @Override
    protected void release() {
        synchronized (lock) {
            groups.clear();
            held = 0;
        }
    }

    /** The elements of the groups still filling. */
    @Override
    public int held() {
        return held;
    }

    @Override
    protected String operatorName() {
        return "partition";
    }

    @Override
    protected String describeArgument() {
        return String.valueOf(groups.n());
    }
}
