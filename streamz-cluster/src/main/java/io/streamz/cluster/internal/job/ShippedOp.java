package io.streamz.cluster.internal.job;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A step's operation (with the user function) as Java-serialized bytes, made once on the driver,
 * with the largest result it may make ({@code maxElementBytes} of the cluster's options). Every job
 * of the step carries these bytes, and each server decodes them once: the decoded operation is kept
 * per class loader, for the most recently used operations.
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

    /** A lock per operation being decoded. */
    private static final Map<UUID, Object> DECODING = new ConcurrentHashMap<>();

    private final UUID id;
    private final byte[] bytes;
    private final long maxResultBytes;

    private ShippedOp(byte[] bytes, long maxResultBytes) {
        this.id = UUID.randomUUID();
        this.bytes = bytes;
        this.maxResultBytes = maxResultBytes;
    }

    /**
     * Serializes {@code op}, whose results may be {@code maxResultBytes} large marshalled; throws when
     * it cannot be (the caller checked the user function first).
     */
    public static <T extends Serializable> ShippedOp<T> of(T op, long maxResultBytes) {
        return new ShippedOp<>(Codec.javaSerialized(op), maxResultBytes);
    }

    /** The outcomes of a job of {@code size} elements of this operation, limited in size as its results are. */
    Outcomes outcomes(int size) {
        return new Outcomes(size, maxResultBytes);
    }

    /**
     * The operation, decoded with {@code loader} (the job's, which reaches the driver's classes). The
     * first tasks of a step arrive together: one decodes while the others of the same step wait for
     * it, rather than each decoding the same bytes at once (other steps' tasks do not wait).
     */
    @SuppressWarnings("unchecked")
    T get(ClassLoader loader) {
        Object op = decoded();
        if (op != null) {
            return (T) op;
        }
        Object lock = DECODING.computeIfAbsent(id, key -> new Object());
        try {
            synchronized (lock) {
                op = decoded();
                if (op == null) {
                    op = Codec.javaDeserialized(bytes, loader);
                    synchronized (DECODED) {
                        DECODED.put(id, op);
                    }
                }
            }
        } finally {
            DECODING.remove(id, lock);
        }
        return (T) op;
    }

    private Object decoded() {
        synchronized (DECODED) {
            return DECODED.get(id);
        }
    }
}
