package io.streamz.function;

import java.io.Serializable;
import java.util.function.Predicate;

/**
 * A serializable {@link Predicate} that may throw a checked exception (wrapped once in
 * {@link UserFunctionException}); see {@link FunctionEx}.
 *
 * @param <T> argument
 */
@FunctionalInterface
public interface PredicateEx<T> extends Predicate<T>, Serializable {
    boolean testEx(T t) throws Exception;

    @Override
    default boolean test(T t) {
        try {
            return testEx(t);
        } catch (Exception e) {
            throw Sneaky.propagate(e);
        }
    }
}
