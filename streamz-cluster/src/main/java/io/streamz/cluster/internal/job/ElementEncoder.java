package io.streamz.cluster.internal.job;

import io.streamz.cluster.ElementTooLargeException;
import io.streamz.cluster.UnmarshallableElementException;
import java.io.NotSerializableException;
import org.apache.ignite.IgniteException;

/**
 * Encodes one element with {@link Codec} to cross the network, refusing what would not arrive
 * intact ({@link ExcludedObjects}, or a record holding something not {@code Serializable}) and what
 * is larger than the cluster's limit. Runs on the caller's thread (the emitting one, for
 * {@code scatter}); thread-safe. The same checks apply to results on the servers ({@link Outcomes}).
 */
public final class ElementEncoder {
    private final Codec codec;
    private final long maxBytes;

    public ElementEncoder(Codec codec, long maxBytes) {
        this.codec = codec;
        this.maxBytes = maxBytes;
    }

    /**
     * The encoded form of {@code value} ({@code null} too), for {@link JobInputs.Builder#addValue}.
     *
     * @throws UnmarshallableElementException when it would arrive as something else than was sent
     * @throws ElementTooLargeException       when it is larger marshalled than the limit
     */
    public byte[] encode(Object value) {
        // A boxed number or a string holds nothing to exclude: spare it the lookup.
        UnmarshallableElementException excluded = Scalars.isScalar(value) ? null : excluded(value, "element");
        if (excluded != null) {
            throw excluded;
        }
        byte[] bytes;
        try {
            bytes = codec.encode(value);
        } catch (IgniteException e) {
            throw notEncodable(value, "element", e);
        }
        long size = Codec.bodySize(bytes);
        if (size > maxBytes) {
            throw tooLarge(value, "element", size, maxBytes);
        }
        return bytes;
    }

    /**
     * The error for {@code value} (an {@code "element"}, or e.g. {@code "result of an element"}) when
     * it holds an object the marshallers would write as {@code null}; else {@code null}.
     */
    static UnmarshallableElementException excluded(Object value, String role) {
        ExcludedObjects.Found found = ExcludedObjects.find(value);
        if (found == null) {
            return null;
        }
        String where = found.path().isEmpty() ? "it" : "the " + found.type().getTypeName() + " it holds at " + found.path();
        return new UnmarshallableElementException(describe(value, role) + " cannot be sent over the cluster: Ignite's "
                + "marshallers would write " + where + " as null. Keep threads, class loaders, executors, sockets and "
                + "Ignite objects out of stream elements (a transient field is left out), or send something that "
                + "describes them instead", null);
    }

    /** The marshallers failed on {@code value}: e.g. a record (Java serialization) holding something not Serializable. */
    static UnmarshallableElementException notEncodable(Object value, String role, IgniteException e) {
        NotSerializableException notSerializable = Causes.first(e, NotSerializableException.class);
        if (notSerializable != null) {
            String culprit = notSerializable.getMessage();
            String which = value != null && value.getClass().getName().equals(culprit) ? "it is not Serializable: make it"
                    : "the " + culprit + " it holds is not Serializable: make that class Serializable, or the field "
                    + "holding it transient";
            return new UnmarshallableElementException(describe(value, role) + " cannot be sent over the cluster: "
                    + "it goes by Java serialization (as records do: Ignite's marshaller cannot write them on Java 17), and "
                    + which, e);
        }
        return new UnmarshallableElementException(describe(value, role) + " cannot be sent over the cluster: "
                + e.getMessage(), e);
    }

    static ElementTooLargeException tooLarge(Object value, String role, long size, long limit) {
        return new ElementTooLargeException(describe(value, role), size, limit);
    }

    /** E.g. {@code "a java.lang.String element"}: built only for an error, never on the way of a good value. */
    private static String describe(Object value, String role) {
        return value == null ? "a null " + role : "a " + value.getClass().getTypeName() + " " + role;
    }
}
