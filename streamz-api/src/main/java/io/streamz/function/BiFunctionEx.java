package io.streamz.function;

import java.io.Serializable;
import java.util.function.BiFunction;

/**
 * A serializable {@link BiFunction} that may throw a checked exception (wrapped once in
 * {@link UserFunctionException}); see {@link FunctionEx}.
 *
 * @param <A> first argument
 * @param <B> second argument
 * @param <R> result
 */
@FunctionalInterface
public interface BiFunctionEx<A, B, R> extends BiFunction<A, B, R>, Serializable {
    R applyEx(A a, B b) throws Exception;

    @Override
    default R apply(A a, B b) {
        try {
            return applyEx(a, b);
        } catch (Exception e) {
            throw Sneaky.propagate(e);
        }
    }
}
