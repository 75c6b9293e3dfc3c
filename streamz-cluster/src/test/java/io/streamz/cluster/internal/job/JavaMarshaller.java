package io.streamz.cluster.internal.job;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.ignite.IgniteCheckedException;
import org.apache.ignite.marshaller.Marshaller;
import org.apache.ignite.marshaller.MarshallerContext;

/**
 * Stands for Ignite's marshaller in tests that start no node: writes with Java serialization, fails
 * as Ignite's does (an {@link IgniteCheckedException}) on the classes it is told it cannot write,
 * wherever they sit in the value, and counts the values it was asked to write.
 */
final class JavaMarshaller implements Marshaller {
    private final Set<Class<?>> cannotWrite;
    private final AtomicInteger marshalled = new AtomicInteger();

    JavaMarshaller(Class<?>... cannotWrite) {
        this.cannotWrite = Set.of(cannotWrite);
    }

    /** How many values {@link #marshal(Object)} was asked to write, failed ones too. */
    int marshalled() {
        return marshalled.get();
    }

    @Override
    public byte[] marshal(Object value) throws IgniteCheckedException {
        marshalled.incrementAndGet();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new Refusing(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new IgniteCheckedException("the test's marshaller cannot write " + value, e);
        }
        return bytes.toByteArray();
    }

    @Override
    public <T> T unmarshal(byte[] bytes, ClassLoader loader) throws IgniteCheckedException {
        try {
            @SuppressWarnings("unchecked")
            T value = (T) Codec.javaDeserialized(bytes, loader);
            return value;
        } catch (RuntimeException e) {
            throw new IgniteCheckedException("the test's marshaller cannot read these bytes", e);
        }
    }

    @Override
    public void marshal(Object value, OutputStream out) {
        throw new UnsupportedOperationException("the codec marshals to byte arrays");
    }

    @Override
    public <T> T unmarshal(InputStream in, ClassLoader loader) {
        throw new UnsupportedOperationException("the codec unmarshals byte arrays");
    }

    @Override
    public void setContext(MarshallerContext context) {
        // No node, no context.
    }

    /** Fails on the classes the marshaller cannot write, as it meets them in the object graph. */
    private final class Refusing extends ObjectOutputStream {
        Refusing(OutputStream out) throws IOException {
            super(out);
            enableReplaceObject(true);
        }

        @Override
        protected Object replaceObject(Object value) throws IOException {
            if (value != null && cannotWrite.contains(value.getClass())) {
                throw new NotSerializableException(value.getClass().getName());
            }
            return value;
        }
    }
}
