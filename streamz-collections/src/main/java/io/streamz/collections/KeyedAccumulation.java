package io.streamz.collections;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * A running reduction that is one state per key, and whose value after each element is computed
 * from the states of all keys (e.g. a groupby-aggregation: the moments per group key, and the
 * table of every group's statistic). Written this way, {@link Pipeline#accumulateByKey} can run it
 * on a cluster with one state per key on the server that owns the key: each element is split into
 * its {@link #changes changes} per key, each change updates its key's state where the key lives,
 * and the new states of the keys the element touched are combined into the value.
 *
 * <p>Locally and on the cluster the states go through the same {@link #apply} calls in the same
 * order, so the values are the same. All methods must be pure; they run on the emitting thread
 * locally, and on the cluster's threads ({@link #changes}, {@link #apply}) or the driver's gathering
 * thread ({@link #result}) under {@code Pipeline.runOn}.
 *
 * @param <E> the element type
 * @param <K> the key type: a value compared by its serialized form (strings, numbers, lists of them)
 * @param <C> a change to one key's state
 * @param <S> one key's state
 * @param <R> the value emitted after each element
 */
public interface KeyedAccumulation<E, K, C, S, R> extends Serializable {

    /**
     * A change to the state of {@code key}.
     *
     * @param key    the key whose state changes
     * @param change what is applied to its state
     * @param <K>    the key type
     * @param <C>    the change type
     */
    record KeyedChange<K, C>(K key, C change) implements Serializable {
    }

    /** The changes {@code element} brings, at most one per key; an element may touch no key. */
    List<KeyedChange<K, C>> changes(E element);

    /** The states before the first element (streamz's {@code start=}); often none. */
    Map<K, S> start();

    /** The state of a key that has none: not in {@link #start()}, or {@link #isEmpty emptied}. */
    S empty();

    /** The new state of a key from its state and a change. */
    S apply(S state, C change);

    /** Whether a key with this state is left out of the result (and starts from {@link #empty()} again). */
    boolean isEmpty(S state);

    /** The value emitted after an element, from the states of all keys that are not empty. */
    R result(Map<K, S> states);

    /** The state of {@code key} before its first change: from {@link #start()}, else {@link #empty()}. */
    default S startOf(K key) {
        S started = start().get(key);
        return started != null ? started : empty();
    }
}
