package io.streamz.local.internal.ops;

import io.streamz.Stream;
import io.streamz.function.Function3;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StarmapNodeTest {
    @Test
    void splaysTwoItemListsIntoTheArguments() {
        Stream<List<Integer>> source = Stream.create();
        List<Integer> results = source.starmap((Integer a, Integer b) -> a + b).sinkToList();
        for (int i = 0; i < 5; i++) {
            source.emit(List.of(i, i));
        }
        assertEquals(List.of(0, 2, 4, 6, 8), results);
    }

    @Test
    void splaysThreeAndFourItemListsInOrder() {
        Stream<List<String>> source = Stream.create();
        List<String> three = source.starmap((String a, String b, String c) -> a + b + c).sinkToList();
        Stream<List<String>> other = Stream.create();
        List<String> four = other.starmap((String a, String b, String c, String d) -> a + b + c + d).sinkToList();

        source.emit(List.of("x", "y", "z"));
        other.emit(List.of("a", "b", "c", "d"));

        assertEquals(List.of("xyz"), three);
        assertEquals(List.of("abcd"), four);
    }

    @Test
    void anElementThatIsNotAListFailsTheEmitClearlyAndTheStreamKeepsWorking() {
        Stream<Object> source = Stream.create();
        List<Integer> results = source.starmap((Integer a, Integer b) -> a * b).sinkToList();

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> source.emit(5));
        assertEquals("starmap with a 2-argument function needs elements that are 2-item Lists, got Integer 5",
                error.getMessage());
        source.emit(List.of(3, 4));
        assertEquals(List.of(12), results);
    }

    @Test
    void aListOfTheWrongSizeFailsTheEmit() {
        Stream<List<Integer>> source = Stream.create();
        source.starmap((Integer a, Integer b, Integer c) -> a + b + c).sinkToList();

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> source.emit(List.of(1, 2)));
        assertEquals("starmap with a 3-argument function needs elements that are 3-item Lists, got List [1, 2]",
                error.getMessage());
    }

    @Test
    void itemsOfTheWrongTypeFailWithAClassCastException() {
        Stream<List<Object>> source = Stream.create();
        source.starmap((Integer a, Integer b) -> a + b).sinkToList();

        assertThrows(ClassCastException.class, () -> source.emit(List.of("not", "numbers")));
    }

    @Test
    void anExceptionOfTheFunctionReachesTheEmitCaller() {
        Stream<List<Integer>> source = Stream.create();
        List<Integer> results = source.starmap((Integer a, Integer b) -> a / b).sinkToList();

        assertThrows(ArithmeticException.class, () -> source.emit(List.of(1, 0)));
        source.emit(List.of(6, 3));
        assertEquals(List.of(2), results);
    }

    @Test
    void nullItemsArePassedAsArguments() {
        Stream<List<Object>> source = Stream.create();
        List<String> results = source.starmap((Object a, Object b) -> a + "/" + b).sinkToList();

        source.emit(java.util.Arrays.asList(null, 1));
        assertEquals(List.of("null/1"), results);
    }

    @Test
    void aNullFunctionFailsWhenTheOperatorIsBuilt() {
        Stream<List<Integer>> source = Stream.create();
        NullPointerException error = assertThrows(NullPointerException.class,
                () -> source.starmap((Function3<Integer, Integer, Integer, Integer>) null));
        assertEquals("starmap function must not be null", error.getMessage());
    }

    @Test
    void toStringNamesTheOperator() {
        Stream<List<Integer>> source = Stream.create();
        assertEquals("<starmap>", source.starmap((Integer a, Integer b) -> a + b).toString());
        assertEquals("<starmap: add>", source.starmap((Integer a, Integer b) -> a + b).named("add").toString());
    }
}
