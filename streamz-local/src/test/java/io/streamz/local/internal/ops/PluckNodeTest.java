package io.streamz.local.internal.ops;

import io.streamz.Stream;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PluckNodeTest {
    @Test
    void picksAnItemOfListAndArrayElementsByIndex() {
        Stream<Object> source = Stream.create();
        List<Object> results = source.pluck(1).sinkToList();
        source.emit(List.of("a", "b", "c"));
        source.emit(new int[] {7, 8});
        assertEquals(List.of("b", 8), results);
    }

    @Test
    void aNegativeIndexCountsFromTheEndAsInPython() {
        Stream<List<Integer>> source = Stream.create();
        List<Integer> results = source.<Integer>pluck(-1).sinkToList();
        source.emit(List.of(1, 2, 3));
        assertEquals(List.of(3), results);
    }

    @Test
    void severalIndicesEmitAnImmutableListOfTheItems() {
        Stream<List<Integer>> source = Stream.create();
        List<List<Object>> results = source.pluck(0, 3).sinkToList();
        source.emit(List.of(1, 2, 3, 4));
        source.emit(List.of(4, 5, 6, 7));
        source.emit(List.of(8, 9, 10, 11));
        assertEquals(List.of(List.of(1, 4), List.of(4, 7), List.of(8, 11)), results);
        assertThrows(UnsupportedOperationException.class, () -> results.get(0).add(0));
    }

    @Test
    void picksTheValueOfAKeyOfMapElements() {
        Stream<Map<String, Object>> source = Stream.create();
        List<String> names = source.<String>pluck("name").sinkToList();
        source.emit(Map.of("name", "Alice", "x", 123));
        source.emit(Map.of("name", "Bob", "x", 456));
        assertEquals(List.of("Alice", "Bob"), names);
    }

    @Test
    void severalKeysEmitAListAndNullValuesPass() {
        Stream<Map<String, Object>> source = Stream.create();
        List<List<Object>> results = source.pluck("x", "name").sinkToList();
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("name", null);
        withNull.put("x", 1);
        source.emit(withNull);
        assertEquals(List.of(Arrays.asList(1, null)), results);
    }

    @Test
    void anIndexOutOfRangeFailsTheEmitClearlyAndTheStreamKeepsWorking() {
        Stream<List<Integer>> source = Stream.create();
        List<Object> results = source.pluck(5).sinkToList();

        IndexOutOfBoundsException error = assertThrows(IndexOutOfBoundsException.class,
                () -> source.emit(List.of(1, 2)));
        assertEquals("pluck index 5 is out of range for an element of 2 items: List [1, 2]", error.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> source.emit(List.of(1)));
        source.emit(List.of(0, 1, 2, 3, 4, 5));
        assertEquals(List.of(5), results);
    }

    @Test
    void aMissingKeyFailsTheEmitClearly() {
        Stream<Map<String, Integer>> source = Stream.create();
        source.pluck("k").sinkToList();
        NoSuchElementException error = assertThrows(NoSuchElementException.class, () -> source.emit(Map.of("a", 1)));
        assertEquals("pluck key 'k' is not in the element Map {a=1}", error.getMessage());
    }

    @Test
    void anElementOfTheWrongKindFailsTheEmitClearly() {
        Stream<Object> source = Stream.create();
        source.pluck(0).sinkToList();
        Stream<Object> other = Stream.create();
        other.pluck("k").sinkToList();

        assertEquals("pluck by index needs elements that are Lists or arrays, got Integer 3",
                assertThrows(IllegalArgumentException.class, () -> source.emit(3)).getMessage());
        assertEquals("pluck by key needs elements that are Maps, got List [1]",
                assertThrows(IllegalArgumentException.class, () -> other.emit(List.of(1))).getMessage());
    }

    @Test
    void badPicksFailWhenTheOperatorIsBuilt() {
        Stream<Object> source = Stream.create();
        assertEquals("pluck needs at least one index to pick",
                assertThrows(IllegalArgumentException.class, () -> source.pluck(new int[0])).getMessage());
        assertEquals("pluck key must not be null",
                assertThrows(NullPointerException.class, () -> source.pluck((String) null)).getMessage());
        assertEquals("a pluck key must not be null",
                assertThrows(NullPointerException.class, () -> source.pluck("a", null)).getMessage());
        assertEquals("pluck indices must not be null",
                assertThrows(NullPointerException.class, () -> source.pluck((int[]) null)).getMessage());
    }

    @Test
    void toStringNamesTheOperator() {
        assertEquals("<pluck>", Stream.create().pluck(0).toString());
    }
}
