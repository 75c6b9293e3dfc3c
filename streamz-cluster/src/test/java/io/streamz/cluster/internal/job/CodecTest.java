package io.streamz.cluster.internal.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.ignite.IgniteException;
import org.junit.jupiter.api.Test;

class CodecTest {
    private static final int MAX_SCALAR_STRING = 1 << 20;

    private record Point(int x, int y) implements Serializable {
    }

    /** Serializable, but Ignite's marshaller (the test's) cannot write it: only this test class uses it. */
    private static final class Refused implements Serializable {
        private static final long serialVersionUID = 1L;
        final String name;

        Refused(String name) {
            this.name = name;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Refused refused && refused.name.equals(name);
        }

        @Override
        public int hashCode() {
            return name.hashCode();
        }
    }

    private final JavaMarshaller ignite = new JavaMarshaller(Refused.class);
    private final Codec codec = new Codec(ignite, CodecTest.class.getClassLoader());

    private Object roundTrip(Object value) {
        return codec.decode(codec.encode(value));
    }

    @Test
    void everyKindOfScalarComesBackEqualAndOfItsOwnTypeWithoutIgnitesMarshaller() {
        List<Object> values = List.of(0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 0L, Long.MIN_VALUE, Long.MAX_VALUE,
                -0.0, Double.NaN, Double.MIN_VALUE, Double.MAX_VALUE, Double.NEGATIVE_INFINITY, true, false,
                "", "héllo, 世界 \uD83D\uDE00", "x".repeat(MAX_SCALAR_STRING));
        for (Object value : values) {
            Object back = roundTrip(value);
            assertEquals(value, back, () -> "a " + value.getClass().getSimpleName());
            assertSame(value.getClass(), back.getClass());
        }
        assertEquals(0, ignite.marshalled(), "scalars skip the marshaller, which costs a microsecond per call");
    }

    @Test
    void anObjectArrayOfBoxedNumbersAndNullsComesBackAsOneWithoutIgnitesMarshaller() {
        Object[] values = {1, null, Long.MAX_VALUE, -2.5, true};

        Object back = roundTrip(values);

        assertSame(Object[].class, back.getClass());
        assertArrayEquals(values, (Object[]) back);
        assertEquals(0, ignite.marshalled());
    }

    @Test
    void anArrayListOfStringsNumbersAndNullsComesBackAsAnEqualArrayListWithoutIgnitesMarshaller() {
        ArrayList<Object> batch = new ArrayList<>(Arrays.asList("{\"id\": 1}", null, "héllo", 3L, 2.5, true, 7));

        Object back = roundTrip(batch);

        assertSame(ArrayList.class, back.getClass());
        assertEquals(batch, back);
        assertEquals(List.of(), roundTrip(new ArrayList<>()));
        assertEquals(0, ignite.marshalled(), "such a batch is written by hand");
    }

    @Test
    void anArrayListHoldingSomethingElseGoesTheMarshallersWayAndComesBackEqual() {
        ArrayList<Object> withShort = new ArrayList<>(Arrays.asList("a", (short) 1));
        ArrayList<Object> withRecord = new ArrayList<>(Arrays.asList("a", new Point(1, 2)));

        assertEquals(withShort, roundTrip(withShort));
        assertEquals(1, ignite.marshalled());
        assertEquals(withRecord, roundTrip(withRecord));
        assertEquals(1, ignite.marshalled(), "a record inside still goes by Java serialization straight away");
    }

    @Test
    void anObjectArrayOfStringsAndListsOfThemComesBackAsOneWithoutIgnitesMarshaller() {
        Object[] values = {"a", null, new ArrayList<>(List.of("b", "c")), 4L};

        Object back = roundTrip(values);

        assertSame(Object[].class, back.getClass());
        assertArrayEquals(values, (Object[]) back);
        assertEquals(0, ignite.marshalled(), "a task's returned batches are written by hand");
    }

    @Test
    void outcomesOfBatchesComeBackWithTheirStatusesValuesAndLimitWithoutIgnitesMarshaller() {
        Outcomes outcomes = new Outcomes(3, 1234);
        outcomes.present(0, new ArrayList<>(List.of("A", "B")));
        outcomes.absent(1);
        outcomes.present(2, "C");

        Outcomes back = roundTrip(outcomes) instanceof Outcomes o ? o : null;

        assertEquals(0, ignite.marshalled(), "the data cache holds each task's outcomes: written by hand");
        assertArrayEquals(outcomes.values(), back.values());
        assertSame(ArrayList.class, back.value(0).getClass());
        assertEquals(List.of(Outcomes.PRESENT, Outcomes.ABSENT, Outcomes.PRESENT),
                List.of(back.status(0), back.status(1), back.status(2)));
        assertEquals(1234, back.maxBytes());
        assertTrue(back.anyPresent());
    }

    @Test
    void outcomesWithAFailedElementGoByIgnitesMarshallerAndKeepTheError() {
        Outcomes outcomes = new Outcomes(2, 1234);
        outcomes.present(0, new ArrayList<>(List.of("A")));
        outcomes.failed(1, new IllegalStateException("boom"));

        Outcomes back = (Outcomes) roundTrip(outcomes);

        assertEquals(1, ignite.marshalled());
        assertEquals(List.of("A"), back.value(0));
        assertEquals(Outcomes.FAILED, back.status(1));
        assertEquals("boom", back.error(1).getMessage());
    }

    @Test
    void nullAndOtherValuesGoByIgnitesMarshallerAndComeBackEqualAndOfTheSameType() {
        Object[] values = {null, (short) 7, List.of(1, "a"), Map.of("k", 2L), new Integer[] {1, 2},
                new Object[] {1, (short) 2}, "y".repeat(MAX_SCALAR_STRING + 1)};
        for (Object value : values) {
            Object back = roundTrip(value);
            if (value instanceof Object[] array) {
                assertSame(value.getClass(), back.getClass());
                assertArrayEquals(array, (Object[]) back);
            } else {
                assertEquals(value, back);
            }
        }
        assertEquals(values.length, ignite.marshalled());
    }

    @Test
    void aRecordGoesByJavaSerializationWithoutTryingIgnitesMarshallerWhichCannotWriteRecords() {
        List<Object> values = List.of(new Point(1, 2), List.of(new Point(3, 4)), Map.of("at", List.of(new Point(5, 6))));
        for (Object value : values) {
            assertEquals(value, roundTrip(value));
        }
        assertEquals(0, ignite.marshalled(), "Ignite logs an error before it fails on a record");
    }

    @Test
    void aClassIgnitesMarshallerFailedOnOnceGoesByJavaSerializationFromThenOnAlsoInsideContainers() {
        assertEquals(new Refused("first"), roundTrip(new Refused("first")));
        assertEquals(1, ignite.marshalled(), "the first one is tried, and fails");

        assertEquals(new Refused("second"), roundTrip(new Refused("second")));
        assertEquals(List.of(new Refused("third")), roundTrip(List.of(new Refused("third"))));
        assertEquals(1, ignite.marshalled(), "then the class is known");
    }

    @Test
    void aValueIsReadFromTheMiddleOfALargerArray() {
        for (Object value : new Object[] {42L, "a string", List.of(1, 2), new Point(7, 8)}) {
            byte[] encoded = codec.encode(value);
            byte[] padded = new byte[encoded.length + 5];
            System.arraycopy(encoded, 0, padded, 2, encoded.length);

            assertEquals(value, codec.decode(padded, 2, 2 + encoded.length));
        }
    }

    @Test
    void theBodySizeLeavesOutTheTagSayingHowAValueWasWritten() {
        byte[] encoded = codec.encode(List.of(1, 2, 3));

        assertEquals(encoded.length - 1, Codec.bodySize(encoded));
        assertEquals(5, Codec.bodySize(codec.encode(123)), "an Integer: its type byte and four bytes");
    }

    @Test
    void bytesIgnitesMarshallerCannotReadFailSayingSo() {
        byte[] garbage = {0, 1, 2, 3};

        IgniteException error = assertThrows(IgniteException.class, () -> codec.decode(garbage));

        assertTrue(error.getMessage().contains("could not unmarshal"), error.getMessage());
    }

    @Test
    void javaSerializationOfSomethingNotSerializableFailsNamingItsClass() {
        Object notSerializable = new Object() { };

        IgniteException error = assertThrows(IgniteException.class, () -> Codec.javaSerialized(notSerializable));

        assertTrue(error.getMessage().contains(notSerializable.getClass().getName()), error.getMessage());
        assertTrue(error.getMessage().contains("must be Serializable"), error.getMessage());
    }
}
