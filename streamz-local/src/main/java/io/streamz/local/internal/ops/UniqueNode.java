package io.streamz.local.internal.ops;

import io.streamz.local.internal.core.Node;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * {@code unique}: passes on only elements whose key ({@code key(x)}, or the element itself) is not in
 * the history. Every new key enters the history; with a bounded history the least recently used key
 * leaves when it is full, and a repeated key counts as a use (streamz 0.6.4's LRU): with a history of
 * 2, {@code 1 2 1 3 2} passes {@code 1 2 3 2}, since the repeated 1 pushed 2 out. Keys are compared
 * with {@code equals}; {@code null} is a key like any other.
 *
 * <p>One element at a time under this node's lock, on the emitting thread, emitting while holding it.
 * A key function that throws leaves the history unchanged. Downstream's back pressure is passed back.
 *
 * @param <T> element type
 */
final class UniqueNode<T> extends Node<T> {
    private final Object lock = new Object();
    private final Function<? super T, ?> key;
    private final Map<Object, Boolean> seen;

    /**
     * @param history how many distinct keys are remembered, or {@code 0} for all of them
     * @param key     what elements are compared by
     */
    UniqueNode(Node<T> upstream, int history, Function<? super T, ?> key) {
        super(upstream.scheduler());
        this.key = key;
        this.seen = history == 0 ? new HashMap<>() : lruOf(history);
        upstream.connect(this);
    }

    /** A map that keeps the {@code history} most recently used keys (access order: {@code get} is a use). */
    private static Map<Object, Boolean> lruOf(int history) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Boolean> eldest) {
                return size() > history;
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public CompletableFuture<?> update(Object x, Node<?> from) {
        Object k = key.apply((T) x);
        synchronized (lock) {
            if (seen.get(k) != null) {
                return null;
            }
            seen.put(k, Boolean.TRUE);
            return emitDownstream(x);
        }
    }

    @Override
    protected void release() {
        synchronized (lock) {
            seen.clear();
        }
    }

    @Override
    protected String operatorName() {
        return "unique";
    }
}
