package io.streamz.function;

/**
 * A function of four arguments, used by {@code starmap} on four-element {@code List}s.
 *
 * @param <A> first argument
 * @param <B> second argument
 * @param <C> third argument
 * @param <D> fourth argument
 * @param <R> result
 */
@FunctionalInterface
public interface Function4<A, B, C, D, R> {
    R apply(A a, B b, C c, D d);
}
