package io.streamz.function;

import java.io.Serializable;

/**
 * A serializable {@link Function3} that may throw a checked exception (wrapped once in
 * {@link UserFunctionException}); see {@link FunctionEx}.
 */
@FunctionalInterface
public interface Function3Ex<A, B, C, R> extends Function3<A, B, C, R>, Serializable {
    R applyEx(A a, B b, C c) throws Exception;

    @Override
    default R apply(A a, B b, C c) {
        try {
            return applyEx(a, b, c);
        } catch (Exception e) {
            throw Sneaky.propagate(e);
        }
    }
}
