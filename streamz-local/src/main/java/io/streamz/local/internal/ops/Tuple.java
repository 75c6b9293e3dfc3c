package io.streamz.local.internal.ops;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * The immutable {@code List} that stands for a Python tuple in what operators emit ({@code zip},
 * {@code partition}, {@code slidingWindow}, {@code collect}, {@code pluck(int...)}...). It equals the
 * {@code List.of(...)} of the same items but, unlike {@code List.of}, holds {@code null} items: a
 * stream may carry {@code null} elements and a tuple of them must not fail.
 */
final class Tuple {
    private Tuple() {
    }

    /** A tuple over {@code items}, which the caller hands over and no longer touches (not copied). */
    @SuppressWarnings("unchecked")
    public static <E> List<E> wrap(Object[] items) {
        return (List<E>) Collections.unmodifiableList(Arrays.asList(items));
    }

    /** A tuple holding a copy of {@code items}, in their iteration order. */
    public static <E> List<E> copyOf(Collection<? extends E> items) {
        return wrap(items.toArray());
    }
}
