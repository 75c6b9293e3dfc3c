package io.streamz.collections;

import io.streamz.Accumulated;
import io.streamz.function.BiFunctionEx;

import java.util.HashMap;
import java.util.Map;

/**
 * A {@link KeyedAccumulation} as one {@code accumulateWithState} function: the state is the map of
 * every key's state, copied for each element (so that a state once emitted is never changed), and
 * the value is {@link KeyedAccumulation#result} of it. This is how the keyed accumulation runs
 * locally; under {@code runOn} only the driver-side combining uses the map.
 */
record KeyedFold<E, K, C, S, R>(KeyedAccumulation<E, K, C, S, R> keyed)
        implements BiFunctionEx<Map<K, S>, E, Accumulated<Map<K, S>, R>> {

    @Override
    public Accumulated<Map<K, S>, R> applyEx(Map<K, S> states, E element) {
        Map<K, S> next = new HashMap<>(states);
        for (KeyedAccumulation.KeyedChange<K, C> change : keyed.changes(element)) {
            S previous = next.get(change.key());
            put(next, change.key(), keyed.apply(previous != null ? previous : keyed.empty(), change.change()));
        }
        return Accumulated.of(next, keyed.result(next));
    }

    /** Records {@code state} as the latest of {@code key}, or forgets the key when the state is empty. */
    void put(Map<K, S> states, K key, S state) {
        if (keyed.isEmpty(state)) {
            states.remove(key);
        } else {
            states.put(key, state);
        }
    }
}
