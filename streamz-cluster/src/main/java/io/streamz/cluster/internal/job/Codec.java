package io.streamz.cluster.internal.job;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * The commonest values (boxed numbers, strings, arrays of boxed numbers, {@code ArrayList}s of boxed
 * numbers and strings, a task's outcomes made of them) skip both marshallers: see {@link Scalars},
 * {@link ScalarList} and {@link CompactOutcomes}.
 */
public final class Codec {
    private static final byte IGNITE = 0;
    private static final byte JAVA = 1;
    /** A boxed scalar or a string in {@link Scalars}' compact form. */
    private static final byte SCALAR = 2;
    /** An {@code Object[]} of boxed scalars in {@link Scalars}' compact form. */
    private static final byte SCALARS = 3;
    /** An {@code ArrayList} of boxed scalars, strings and nulls in {@link ScalarList}'s compact form. */
    private static final byte LIST = 4;
    /** {@link Outcomes} without errors whose values {@link ScalarList} writes, in {@link CompactOutcomes}' form. */
    private static final byte OUTCOMES = 5;
    /** An {@code Object[]} (a task's returned values) of what {@link ScalarList} writes, in its form. */
    private static final byte OBJECTS = 6;
    /** How deep {@link #needsJava} looks into containers. */
    private static final int DEPTH = 4;
    /** Classes of values Ignite's marshaller failed to write (in this JVM). */
    private static final Set<Class<?>> IGNITE_CANNOT = ConcurrentHashMap.newKeySet();

    private final Marshaller marshaller;
    private final ClassLoader loader;

    /** A codec that resolves classes with {@code loader}. */
    @SuppressWarnings("deprecation") // the configured marshaller is what Ignite itself uses
    public Codec(Ignite ignite, ClassLoader loader) {
        this(ignite.configuration().getMarshaller(), loader);
    }

    /** A codec writing with {@code marshaller} what goes by Ignite: a test's, without a node. */
    Codec(Marshaller marshaller, ClassLoader loader) {
        this.marshaller = marshaller;
        this.loader = loader;
    }

    public byte[] encode(Object value) {
        if (Scalars.isScalar(value)) {
            return Scalars.write(SCALAR, value);
        }
        if (Scalars.isArray(value)) {
            return Scalars.writeArray(SCALARS, (Object[]) value);
        }
        byte[] compact = value == null ? null
                : value.getClass() == ArrayList.class ? ScalarList.write(LIST, (ArrayList<?>) value)
                : value instanceof Outcomes outcomes ? CompactOutcomes.write(OUTCOMES, outcomes)
                : value.getClass() == Object[].class ? ScalarList.write(OBJECTS, (Object[]) value, 0)
                : null;
        if (compact != null) {
            return compact;
        }
        if (!needsJava(value, 0)) {
            try {
                return tagged(IGNITE, marshaller.marshal(value));
            } catch (IgniteCheckedException | BinaryObjectException e) {
                // Ignite cannot write something inside (it logged why): Java serialization can, and
                // the classes learnt here skip Ignite's attempt next time.
                byte[] bytes = tagged(JAVA, javaSerialized(value));
                learnFrom(value, 0);
                return bytes;
            }
        }
        return tagged(JAVA, javaSerialized(value));
    }

    public <T> T decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    /** Decodes what {@link #encode} returned, found in {@code bytes} from {@code from} (inclusive) to {@code to}. */
    @SuppressWarnings("unchecked")
    <T> T decode(byte[] bytes, int from, int to) {
        if (bytes[from] == SCALAR) {
            return (T) Scalars.read(bytes, from + 1, to);
        }
        if (bytes[from] == SCALARS) {
            return (T) Scalars.readArray(bytes, from + 1);
        }
        if (bytes[from] == LIST) {
            return (T) ScalarList.read(bytes, from + 1);
        }
        if (bytes[from] == OBJECTS) {
            return (T) ScalarList.read(bytes, from + 1).toArray();
        }
        if (bytes[from] == OUTCOMES) {
            return (T) CompactOutcomes.read(bytes, from + 1);
        }
        byte[] body = Arrays.copyOfRange(bytes, from + 1, to);
        if (bytes[from] == JAVA) {
            return (T) javaDeserialized(body, loader);
        }
        try {
            return (T) marshaller.unmarshal(body, loader);
        } catch (IgniteCheckedException e) {
            throw new IgniteException("could not unmarshal a result: " + e.getMessage(), e);
        }
    }

    /** The marshalled size of what {@link #encode} returned, without the tag saying how. */
    public static long bodySize(byte[] encoded) {
        return encoded.length - 1L;
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

    /**
     * Whether {@code value} holds what Ignite's marshaller cannot write: a record (Java 17 refuses it
     * the field offsets it writes with), or a class it failed on before. Looks into arrays,
     * collections, maps and streamz's own holders, a few levels deep, so that the common cases never
     * reach Ignite's attempt (which logs an error before it fails).
     */
    static boolean needsJava(Object value, int depth) {
        if (value == null) {
            return false;
        }
        Class<?> type = value.getClass();
        if (type.isRecord() || IGNITE_CANNOT.contains(type)) {
            return true;
        }
        if (depth < DEPTH) {
            for (Object item : contents(value)) {
                if (needsJava(item, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** After Ignite failed and Java serialization wrote {@code value}: its classes outside the JDK go by Java from now on. */
    private static void learnFrom(Object value, int depth) {
        if (value == null || depth > DEPTH) {
            return;
        }
        if (!isContainer(value)) {
            if (!value.getClass().getName().startsWith("java.")) {
                IGNITE_CANNOT.add(value.getClass());
            }
            return;
        }
        for (Object item : contents(value)) {
            learnFrom(item, depth + 1);
        }
    }

    private static boolean isContainer(Object value) {
        return value instanceof Object[] || value instanceof Collection || value instanceof Map
                || value instanceof Outcomes || value instanceof AccumulateState;
    }

    /** What {@code value} holds, when it is a container {@link #needsJava} looks into; else nothing. */
    private static Iterable<?> contents(Object value) {
        if (value instanceof Object[] array) {
            return Arrays.asList(array);
        }
        if (value instanceof Collection<?> collection) {
            return collection;
        }
        if (value instanceof Map<?, ?> map) {
            List<Object> entries = new ArrayList<>(map.keySet());
            entries.addAll(map.values());
            return entries;
        }
        if (value instanceof Outcomes outcomes) {
            return Arrays.asList(outcomes.values());
        }
        if (value instanceof AccumulateState state) {
            return Arrays.asList(state.state(), state.lastOutcomes());
        }
        return List.of();
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
