package io.streamz.function;

import java.io.Serializable;

/**
 * A serializable {@link Function4} that may throw a checked exception (wrapped once in
 * {@link UserFunctionException}); see {@link FunctionEx}.
 */
@FunctionalInterface
public interface Function4Ex<A, B, C, D, R> extends Function4<A, B, C, D, R>, Serializable {
    R applyEx(A a, B b, C c, D d) throws Exception;

    @Override
    default R apply(A a, B b, C c, D d) {
        try {
            return applyEx(a, b, c, d);
        } catch (Exception e) {
            throw Sneaky.propagate(e);
        }
    }
}
