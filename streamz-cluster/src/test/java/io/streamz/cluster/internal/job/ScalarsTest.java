package io.streamz.cluster.internal.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScalarsTest {
    private static final byte TAG = 7;

    @Test
    void boxedNumbersBooleansAndStringsComeBackEqualAndOfTheSameType() {
        List<Object> values = List.of(0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, Long.MIN_VALUE, 1L << 40,
                -0.0, Double.NaN, Double.MAX_VALUE, true, false, "", "héllo, 世界 \uD83D\uDE00");
        for (Object value : values) {
            assertTrue(Scalars.isScalar(value), value::toString);
            byte[] bytes = Scalars.write(TAG, value);
            assertEquals(TAG, bytes[0]);
            Object back = Scalars.read(bytes, 1, bytes.length);
            assertEquals(value, back);
            assertEquals(value.getClass(), back.getClass());
        }
    }

    @Test
    void anIntegerTakesItsFourBytesAndTwoForTagAndType() {
        assertEquals(6, Scalars.write(TAG, 123_456_789).length);
    }

    @Test
    void aScalarCanBeReadFromTheMiddleOfALargerArray() {
        byte[] first = Scalars.write(TAG, "ab");
        byte[] second = Scalars.write(TAG, 42L);
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        assertEquals("ab", Scalars.read(both, 1, first.length));
        assertEquals(42L, Scalars.read(both, first.length + 1, both.length));
    }

    @Test
    void anObjectArrayOfBoxedScalarsAndNullsComesBackEqual() {
        Object[] values = {1, null, 2L, 3.5, false, Integer.MIN_VALUE};
        assertTrue(Scalars.isArray(values));
        byte[] bytes = Scalars.writeArray(TAG, values);
        assertArrayEquals(values, Scalars.readArray(bytes, 1));
        assertArrayEquals(new Object[0], Scalars.readArray(Scalars.writeArray(TAG, new Object[0]), 1));
    }

    @Test
    void otherValuesAreLeftToTheMarshallers() {
        assertFalse(Scalars.isScalar(null), "null");
        assertFalse(Scalars.isScalar((short) 1), "Short");
        assertFalse(Scalars.isScalar(List.of(1)), "List");
        assertFalse(Scalars.isScalar("x".repeat((1 << 20) + 1)), "a string longer than any element limit");
        assertFalse(Scalars.isArray(new Object[] {1, "a"}), "an array holding a string");
        assertFalse(Scalars.isArray(new Object[] {1, List.of()}), "an array holding a list");
        assertFalse(Scalars.isArray(new Integer[] {1}), "an Integer[], which must come back as one");
    }

    @Test
    void anUnknownTypeByteFailsSayingWhy() {
        byte[] bytes = {TAG, 'Q', 0, 0, 0, 0};
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> Scalars.read(bytes, 1, bytes.length));
        assertTrue(error.getMessage().contains("same streamz version"), error.getMessage());
    }
}
