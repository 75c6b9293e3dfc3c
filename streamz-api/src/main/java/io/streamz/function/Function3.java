package io.streamz.function;

/**
 * A function of three arguments, used by {@code starmap} on three-element {@code List}s.
 *
 * @param <A> first argument
 * @param <B> second argument
 * @param <C> third argument
 * @param <R> result
 */
@FunctionalInterface
public interface Function3<A, B, C, R> {
    R apply(A a, B b, C c);
}
