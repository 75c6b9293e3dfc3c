package io.streamz.function;

import java.io.Serializable;
import java.util.function.Supplier;

/**
 * A serializable {@link Supplier} that may throw a checked exception: what a source that reads on
 * the cluster ships to a server to read there (e.g. a range of a Kafka partition). A checked
 * exception is wrapped once in {@link UserFunctionException}.
 *
 * @param <T> what it supplies
 */
@FunctionalInterface
public interface SupplierEx<T> extends Supplier<T>, Serializable {
    T getEx() throws Exception;

    @Override
    default T get() {
        try {
            return getEx();
        } catch (Exception e) {
            throw Sneaky.propagate(e);
        }
    }
}
