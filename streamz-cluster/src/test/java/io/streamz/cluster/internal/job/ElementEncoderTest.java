package io.streamz.cluster.internal.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamz.cluster.ElementTooLargeException;
import io.streamz.cluster.UnmarshallableElementException;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ElementEncoderTest {
    private static final long LIMIT = 100;

    private record NotSerializablePoint(int x, int y) {
    }

    private record Holder(Object held) implements Serializable {
    }

    private static final class Opaque {
    }

    /** Fails whichever marshaller writes it. */
    private static final class Exploding implements Serializable {
        private static final long serialVersionUID = 1L;

        private void writeObject(ObjectOutputStream out) throws IOException {
            throw new IOException("cannot be written today");
        }
    }

    private final Codec codec = new Codec(new JavaMarshaller(), ElementEncoderTest.class.getClassLoader());
    private final ElementEncoder encoder = new ElementEncoder(codec, LIMIT);

    @Test
    void aRecordThatIsNotSerializableIsRefusedSayingToMakeItSerializable() {
        UnmarshallableElementException error = assertThrows(UnmarshallableElementException.class,
                () -> encoder.encode(new NotSerializablePoint(1, 2)));

        assertTrue(error.getMessage().startsWith("a " + NotSerializablePoint.class.getTypeName() + " element"), error.getMessage());
        assertTrue(error.getMessage().contains("it is not Serializable: make it"), error.getMessage());
    }

    @Test
    void aRecordHoldingSomethingNotSerializableIsRefusedNamingWhatItHolds() {
        UnmarshallableElementException error = assertThrows(UnmarshallableElementException.class,
                () -> encoder.encode(new Holder(new Opaque())));

        assertTrue(error.getMessage().contains("the " + Opaque.class.getName() + " it holds is not Serializable"),
                error.getMessage());
        assertTrue(error.getMessage().contains("transient"), error.getMessage());
    }

    @Test
    void anElementHoldingAThreadIsRefusedNamingWhereForTheMarshallersWouldWriteItAsNull() {
        UnmarshallableElementException error = assertThrows(UnmarshallableElementException.class,
                () -> encoder.encode(List.of(1, Thread.currentThread())));

        assertTrue(error.getMessage().contains("java.lang.Thread it holds at [1]"), error.getMessage());
        assertTrue(error.getMessage().contains("as null"), error.getMessage());
    }

    @Test
    void anElementNoMarshallerCanWriteIsRefusedWithTheirError() {
        UnmarshallableElementException error = assertThrows(UnmarshallableElementException.class,
                () -> encoder.encode(new Exploding()));

        assertTrue(error.getMessage().startsWith("a " + Exploding.class.getTypeName() + " element cannot be sent"),
                error.getMessage());
        assertTrue(error.getMessage().contains("cannot be written today"), error.getMessage());
    }

    @Test
    void anElementUpToTheLimitIsSentAndOneByteMoreIsRefusedWithItsSizeAndTheLimit() {
        String atLimit = "x".repeat((int) LIMIT - 1); // a type byte, then one byte per ASCII character
        assertEquals(atLimit, codec.decode(encoder.encode(atLimit)));

        ElementTooLargeException error = assertThrows(ElementTooLargeException.class,
                () -> encoder.encode(atLimit + "x"));

        assertEquals(LIMIT + 1, error.size());
        assertEquals(LIMIT, error.limit());
        assertTrue(error.getMessage().startsWith("a java.lang.String element is 101 bytes"), error.getMessage());
    }

    @Test
    void aListOfStringsIsHeldToTheLimitByItsCompactSize() {
        // The count (4 bytes), then per string a type byte, a 4-byte length and one byte per ASCII character.
        ArrayList<String> atLimit = new ArrayList<>(List.of("x".repeat((int) LIMIT - 4 - 5 - 5 - 1), "y"));
        assertEquals(atLimit, codec.decode(encoder.encode(atLimit)));

        atLimit.add("");
        ElementTooLargeException error = assertThrows(ElementTooLargeException.class, () -> encoder.encode(atLimit));

        assertEquals(LIMIT + 5, error.size());
        assertTrue(error.getMessage().startsWith("a java.util.ArrayList element is 105 bytes"), error.getMessage());
    }

    @Test
    void nullIsAnElementLikeAnyOther() {
        assertNull(codec.decode(encoder.encode(null)));
    }
}
