package io.streamz.cluster.ignite.job;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A step's operation (with the user function) as Java-serialized bytes, made once on the driver.
 * Every job of the step carries these bytes, and each server decodes them once: the decoded
 * operation is kept per class loader, for the most recently used operations.
 *
 * @param <T> the operation's type
 */
public final class ShippedOp<T> implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int KEPT = 256;
    private static final Map<UUID, Object> DECODED = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Object> eldest) {
            return size() > KEPT;
        }
    };

    private final UUID id;
    private final byte[] bytes;

    private ShippedOp(byte[] bytes) {
        this.id = UUID.randomUUID();
        this.bytes = bytes;
    }

    /** Serializes {@code op}; throws when it cannot be (the caller checked the user function first). */
    public static <T extends Serializable> ShippedOp<T> of(T op) {
        return new ShippedOp<>(Codec.javaSerialized(op));
    }

    /**
     * The operation, decoded with {@code loader} (the job's, which reaches the driver's classes). The
     * first tasks of a step arrive together: one decodes while the others wait for it, rather than
     * each decoding the same bytes at once.
     */
    @SuppressWarnings("unchecked")
    T get(ClassLoader loader) {
        synchronized (DECODED) {
            Object op = DECODED.get(id);
            if (op == null) {
                op = Codec.javaDeserialized(bytes, loader);
                DECODED.put(id, op);
            }
            return (T) op;
        }
    }
}
