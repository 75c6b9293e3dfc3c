package io.streamz.local.internal.ops;

import io.streamz.local.internal.core.Node;

import java.lang.reflect.Array;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;

/**
 * {@code pluck}: picks an item of each element, by index from a {@code List} or an array (a negative
 * index counts from the end, as in Python), or by key from a {@code Map}. Several picks are emitted
 * together as an immutable {@code List}. Stateless: it runs on the emitting thread and takes no lock.
 *
 * <p>As in streamz, a pick that is not there fails the {@code emit}: an index out of range with an
 * {@link IndexOutOfBoundsException}, a missing key with a {@link NoSuchElementException}, an element
 * of the wrong kind with an {@link IllegalArgumentException}.
 *
 * @param <R> what is emitted: the picked item, or a {@code List} of them
 */
final class PluckNode<R> extends Node<R> {
    private final Object[] picks;
    private final boolean several;

    private PluckNode(Node<?> upstream, Object[] picks, boolean several) {
        super(upstream.scheduler());
        this.picks = picks;
        this.several = several;
        upstream.connect(this);
    }

    /** Picks item {@code index} of each element. */
    static <R> PluckNode<R> index(Node<?> upstream, int index) {
        return new PluckNode<>(upstream, new Object[] {index}, false);
    }

    /** Picks several items of each element into a {@code List}. */
    static PluckNode<List<Object>> indices(Node<?> upstream, int... indices) {
        return new PluckNode<>(upstream, severalPicks(Arrays.stream(indices).boxed().toArray(), "index"), true);
    }

    /** Picks the value of {@code key} of each {@code Map} element. */
    static <R> PluckNode<R> key(Node<?> upstream, String key) {
        return new PluckNode<>(upstream, new Object[] {key}, false);
    }

    /** Picks the values of several keys of each {@code Map} element into a {@code List}. */
    static PluckNode<List<Object>> keys(Node<?> upstream, String... keys) {
        return new PluckNode<>(upstream, severalPicks(keys.clone(), "key"), true);
    }

    private static Object[] severalPicks(Object[] picks, String what) {
        if (picks.length == 0) {
            throw new IllegalArgumentException("pluck needs at least one " + what + " to pick");
        }
        for (Object pick : picks) {
            if (pick == null) {
                throw new NullPointerException("a pluck " + what + " must not be null");
            }
        }
        return picks;
    }

    @Override
    public CompletableFuture<?> update(Object x, Node<?> from) {
        if (!several) {
            return emitDownstream(pick(x, picks[0]));
        }
        Object[] picked = new Object[picks.length];
        for (int i = 0; i < picks.length; i++) {
            picked[i] = pick(x, picks[i]);
        }
        return emitDownstream(Tuple.wrap(picked));
    }

    private static Object pick(Object x, Object pick) {
        return pick instanceof Integer index ? byIndex(x, index) : byKey(x, pick);
    }

    private static Object byIndex(Object x, int index) {
        int size;
        if (x instanceof List<?> list) {
            size = list.size();
        } else if (x != null && x.getClass().isArray()) {
            size = Array.getLength(x);
        } else {
            throw new IllegalArgumentException("pluck by index needs elements that are Lists or arrays, got "
                    + Describe.element(x));
        }
        int position = index < 0 ? size + index : index;
        if (position < 0 || position >= size) {
            throw new IndexOutOfBoundsException("pluck index " + index + " is out of range for an element of "
                    + size + " items: " + Describe.element(x));
        }
        return x instanceof List<?> list ? list.get(position) : Array.get(x, position);
    }

    private static Object byKey(Object x, Object key) {
        if (!(x instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("pluck by key needs elements that are Maps, got " + Describe.element(x));
        }
        Object value = map.get(key);
        if (value == null && !map.containsKey(key)) {
            throw new NoSuchElementException("pluck key '" + key + "' is not in the element " + Describe.element(x));
        }
        return value;
    }

    @Override
    protected String operatorName() {
        return "pluck";
    }
}
