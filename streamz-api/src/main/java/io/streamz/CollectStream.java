package io.streamz;

import java.util.List;

/**
 * The stream {@link Stream#collect()} returns: it holds elements until {@link #flush()} emits them as
 * one {@code List}.
 *
 * @param <T> the collected elements' type
 */
public interface CollectStream<T> extends Stream<List<T>> {
    /** Emits what was collected (an empty {@code List} too) and starts a new collection. */
    void flush();

    /** {@link #flush()} that takes and ignores an element, for {@code other.sink(collector::flush)}. */
    default void flush(Object ignored) {
        flush();
    }
}
