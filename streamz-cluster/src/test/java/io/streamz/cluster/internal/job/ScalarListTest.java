package io.streamz.cluster.internal.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScalarListTest {
    private static final byte TAG = 9;

    private static ArrayList<Object> listOf(Object... items) {
        return new ArrayList<>(Arrays.asList(items));
    }

    private static ArrayList<Object> roundTrip(ArrayList<?> list) {
        byte[] bytes = ScalarList.write(TAG, list);
        assertEquals(TAG, bytes[0]);
        return ScalarList.read(bytes, 1);
    }

    @Test
    void stringsNumbersBooleansAndNullsInOneListComeBackEqualInOrderAndOfTheirOwnTypes() {
        ArrayList<Object> list = listOf("a", null, 1, 2L, -0.0, Double.NaN, true, "", "héllo, 世界 \uD83D\uDE00", null,
                Integer.MIN_VALUE, Long.MAX_VALUE, false);

        ArrayList<Object> back = roundTrip(list);

        assertEquals(list, back);
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            assertSame(item == null ? null : item.getClass(), back.get(i) == null ? null : back.get(i).getClass(),
                    "item " + i);
        }
    }

    @Test
    void anEmptyListComesBackEmptyAndAListOfOnlyNullsComesBackAsMany() {
        assertEquals(List.of(), roundTrip(new ArrayList<>()));
        assertEquals(listOf(null, null, null), roundTrip(listOf(null, null, null)));
    }

    @Test
    void stringsLongerThanTheSingleScalarBoundAndNonAsciiOnesComeBackWhole() {
        String huge = "ü".repeat((1 << 20) + 3) + "\uD83D\uDE00";
        ArrayList<Object> list = listOf(huge, "x".repeat(3 << 20), "ok");

        assertEquals(list, roundTrip(list));
    }

    @Test
    void whatComesBackIsAnArrayListTheReaderMayChange() {
        ArrayList<Object> back = roundTrip(listOf("a", "b"));

        assertSame(ArrayList.class, back.getClass());
        back.add("c");
        back.set(0, "z");
        assertEquals(List.of("z", "b", "c"), back);
    }

    @Test
    void eachStringTakesATypeByteItsLengthAndItsUtf8BytesAfterTheCount() {
        assertEquals(1 + 4 + (1 + 4 + 2) + (1 + 4 + 3) + 1 + 5, ScalarList.write(TAG, listOf("ab", "é!", null, 7)).length);
    }

    @Test
    void aListHoldingAnythingElseIsLeftToTheMarshallers() {
        assertNull(ScalarList.write(TAG, listOf("a", (short) 1)), "a Short");
        assertNull(ScalarList.write(TAG, listOf("a", List.of("b"))), "a nested list");
        assertNull(ScalarList.write(TAG, listOf((Object) new Object[] {1})), "an array");
        assertNull(ScalarList.write(TAG, listOf('c')), "a Character");
    }

    @Test
    void listsInsideAListComeBackAsArrayListsToo() {
        ArrayList<Object> list = listOf("a", listOf("b", null, listOf(3L)), new ArrayList<>(), 4);

        ArrayList<Object> back = roundTrip(list);

        assertEquals(list, back);
        assertSame(ArrayList.class, back.get(1).getClass());
    }

    @Test
    void listsNestedDeeperThanFourOrHoldingThemselvesAreLeftToTheMarshallers() {
        assertNull(ScalarList.write(TAG, listOf(listOf(listOf(listOf(listOf(listOf(1))))))));
        ArrayList<Object> self = listOf("a");
        self.add(self);
        assertNull(ScalarList.write(TAG, self));
    }

    @Test
    void aListCanBeReadFromTheMiddleOfALargerArray() {
        byte[] bytes = ScalarList.write(TAG, listOf("a", 1));
        byte[] padded = new byte[bytes.length + 7];
        System.arraycopy(bytes, 0, padded, 3, bytes.length);

        assertEquals(listOf("a", 1), ScalarList.read(padded, 4));
    }
}
