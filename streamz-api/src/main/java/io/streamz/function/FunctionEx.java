package io.streamz.function;

import java.io.Serializable;
import java.util.function.Function;

/**
 * A serializable {@link Function} that may throw a checked exception: the functions a
 * {@link io.streamz.cluster.ClusterStream} ships to cluster nodes. A lambda written at the call site
 * is one without a cast. A checked exception is wrapped once in {@link UserFunctionException}.
 *
 * @param <T> argument
 * @param <R> result
 */
@FunctionalInterface
public interface FunctionEx<T, R> extends Function<T, R>, Serializable {
    R applyEx(T t) throws Exception;

    @Override
    default R apply(T t) {
        try {
            return applyEx(t);
        } catch (Exception e) {
            throw Sneaky.propagate(e);
        }
    }
}
