package io.streamz.cluster.ignite.job;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.util.Arrays;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCheckedException;
import org.apache.ignite.IgniteException;
import org.apache.ignite.binary.BinaryObjectException;
import org.apache.ignite.marshaller.Marshaller;

/**
 * Turns user values into bytes and back: with Ignite's own marshaller, which needs no
 * {@code Serializable}, or with Java serialization for what Ignite's cannot write (records, whose
 * fields it cannot set). Peer class loading does not deploy the classes of cache entries, so the
 * caches hold such bytes, and only code whose class loader reaches the driver's classes (a job, or
 * the driver) decodes them. Values travelling inside jobs and their answers are encoded the same way.
 */
public final class Codec {
    private static final byte IGNITE = 0;
    private static final byte JAVA = 1;

    private final Marshaller marshaller;
    private final ClassLoader loader;

    /** A codec that resolves classes with {@code loader}. */
    @SuppressWarnings("deprecation") // the configured marshaller is what Ignite itself uses
    public Codec(Ignite ignite, ClassLoader loader) {
        this.marshaller = ignite.configuration().getMarshaller();
        this.loader = loader;
    }

    public byte[] encode(Object value) {
        if (!holdsRecord(value)) {
            try {
                return tagged(IGNITE, marshaller.marshal(value));
            } catch (IgniteCheckedException | BinaryObjectException e) {
                // Ignite cannot write some classes (a record nested somewhere): Java serialization can.
            }
        }
        return tagged(JAVA, javaSerialized(value));
    }

    @SuppressWarnings("unchecked")
    public <T> T decode(byte[] bytes) {
        byte[] body = Arrays.copyOfRange(bytes, 1, bytes.length);
        if (bytes[0] == JAVA) {
            return (T) javaDeserialized(body, loader);
        }
        try {
            return (T) marshaller.unmarshal(body, loader);
        } catch (IgniteCheckedException e) {
            throw new IgniteException("could not unmarshal a result: " + e.getMessage(), e);
        }
    }

    /** Java serialization of {@code value}, e.g. a user function. */
    public static byte[] javaSerialized(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new IgniteException("could not serialize " + value.getClass().getName()
                    + " (records and other values Ignite cannot marshal must be Serializable): " + e, e);
        }
        return bytes.toByteArray();
    }

    /** Reads Java-serialized {@code bytes}, resolving classes (lambdas' capturing classes too) with {@code loader}. */
    static Object javaDeserialized(byte[] bytes, ClassLoader loader) {
        try (ObjectInputStream in = new LoaderObjectInputStream(new ByteArrayInputStream(bytes), loader)) {
            return in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IgniteException("could not deserialize a value: " + e, e);
        }
    }

    private static boolean holdsRecord(Object value) {
        if (value instanceof Object[] array) {
            for (Object item : array) {
                if (item != null && item.getClass().isRecord()) {
                    return true;
                }
            }
            return false;
        }
        return value != null && value.getClass().isRecord();
    }

    private static byte[] tagged(byte tag, byte[] body) {
        byte[] bytes = new byte[body.length + 1];
        bytes[0] = tag;
        System.arraycopy(body, 0, bytes, 1, body.length);
        return bytes;
    }

    private static final class LoaderObjectInputStream extends ObjectInputStream {
        private final ClassLoader loader;

        LoaderObjectInputStream(InputStream in, ClassLoader loader) throws IOException {
            super(in);
            this.loader = loader;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            try {
                return Class.forName(desc.getName(), false, loader);
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc);
            }
        }
    }
}
