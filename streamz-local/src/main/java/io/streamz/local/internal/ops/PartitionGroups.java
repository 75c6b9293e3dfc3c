package io.streamz.local.internal.ops;

import io.streamz.local.internal.core.Refs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The groups a {@code partition} is filling, one per key ({@code null} is the key when there is no
 * key function), in the order their first element arrived, with the size and key function that make
 * them. Kept apart from the node so that every form of {@code partition} (with or without a timeout)
 * shares it: the timeout form emits a group early with {@link #take}. Not thread-safe: the owning node guards it with its lock.
 *
 * <p>Each group holds the {@link Refs} of its elements, taken on the emitting thread in {@link #add};
 * the node takes them with {@link #takeRefs} right after the group, to emit the group under them.
 * {@link #clear()} keeps the holds: the elements dropped are not done.
 *
 * @param <T> element type
 */
final class PartitionGroups<T> {
    private final int n;
    private final Function<? super T, ?> key;
    private final Map<Object, List<T>> groups = new LinkedHashMap<>();
    private int elements;
    /** The references each group holds; made on the first element that has some. */
    private Map<Object, Refs> refs;

    /** Groups of {@code n} elements, by {@code key(x)}, or all in one when {@code key} is {@code null}. */
    public PartitionGroups(int n, Function<? super T, ?> key) {
        this.n = n;
        this.key = key;
    }

    /**
     * The key of {@code x}'s group; runs the key function on the caller's thread, which need not hold
     * the node's lock (the function is the user's and may be slow).
     *
     * @throws RuntimeException what the key function throws, the groups unchanged
     */
    public Object keyOf(T x) {
        return key == null ? null : key.apply(x);
    }

    /** The number of elements a group emits at. */
    public int n() {
        return n;
    }

    /**
     * Adds {@code x} to the group of {@code key}, with a hold on the current {@link Refs}.
     *
     * @return the group as an immutable {@code List} when {@code x} filled it (the group is then
     *         forgotten), else {@code null}
     */
    public List<T> add(Object key, T x) {
        List<T> group = groups.computeIfAbsent(key, k -> new ArrayList<>(Math.min(n, 16)));
        group.add(x);
        elements++;
        Refs held = Refs.retainCurrent();
        if (held != null) {
            if (refs == null) {
                refs = new HashMap<>();
            }
            refs.merge(key, held, Refs::merge);
        }
        return group.size() < n ? null : take(key);
    }

    /** How many elements the group of {@code key} holds (1 right after an element started it). */
    public int size(Object key) {
        List<T> group = groups.get(key);
        return group == null ? 0 : group.size();
    }

    /** Removes the group of {@code key} and returns it as an immutable {@code List}, or {@code null} if there is none. */
    public List<T> take(Object key) {
        List<T> group = groups.remove(key);
        if (group == null) {
            return null;
        }
        elements -= group.size();
        return Tuple.copyOf(group);
    }

    /** How many elements the groups hold in all. */
    public int elements() {
        return elements;
    }

    /** Removes and returns the references the group of {@code key} held (owned by the caller), or {@code null}. */
    public Refs takeRefs(Object key) {
        return refs == null ? null : refs.remove(key);
    }

    /** Whether no group holds any element. */
    public boolean isEmpty() {
        return groups.isEmpty();
    }

    /** Forgets every group. */
    public void clear() {
        groups.clear();
        elements = 0;
    }
}
