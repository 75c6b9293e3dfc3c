package io.streamz;

import java.io.Serializable;

/**
 * What a returns-state accumulator gives back: the new state it keeps and the value it emits
 * (streamz's {@code return state, value} with {@code returns_state=True}).
 *
 * @param state the state kept for the next element
 * @param value the element emitted downstream
 * @param <S>   state type
 * @param <R>   emitted type
 */
public record Accumulated<S, R>(S state, R value) implements Serializable {
    /** Shorthand for {@code new Accumulated<>(state, value)}. */
    public static <S, R> Accumulated<S, R> of(S state, R value) {
        return new Accumulated<>(state, value);
    }
}
