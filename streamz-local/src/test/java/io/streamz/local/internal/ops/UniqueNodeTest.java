package io.streamz.local.internal.ops;

import io.streamz.Stream;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UniqueNodeTest {
    private static <T> List<T> emitAll(Stream<T> source, Stream<T> unique, List<T> elements) {
        List<T> results = unique.sinkToList();
        elements.forEach(source::emit);
        return results;
    }

    @Test
    void withoutHistoryPassesEachElementOnce() {
        Stream<Integer> source = Stream.create();
        assertEquals(List.of(1, 2, 3), emitAll(source, source.unique(), List.of(1, 2, 1, 3, 2)));
    }

    @Test
    void aHistoryOfOneDropsOnlyImmediateRepeats() {
        Stream<Integer> source = Stream.create();
        assertEquals(List.of(1, 2, 1, 3), emitAll(source, source.unique(1), List.of(1, 1, 2, 2, 2, 1, 3)));
    }

    @Test
    void theLeastRecentlyUsedElementLeavesAFullHistory() {
        // Checked against streamz 0.6.4: a repeat refreshes its element, so 2 leaves before 1.
        Stream<Integer> source = Stream.create();
        assertEquals(List.of(1, 2, 3, 2, 1, 4),
                emitAll(source, source.unique(2), List.of(1, 2, 1, 3, 2, 1, 4, 1)));
        Stream<Integer> other = Stream.create();
        assertEquals(List.of(1, 2, 3, 2), emitAll(other, other.unique(2), List.of(1, 2, 1, 3, 1, 2)));
    }

    @Test
    void aKeyFunctionComparesElementsByTheirKey() {
        Stream<String> source = Stream.create();
        assertEquals(List.of("a", "bb", "eee"),
                emitAll(source, source.unique(10, String::length), List.of("a", "bb", "c", "dd", "eee")));
    }

    @Test
    void nullIsAnElementLikeAnyOther() {
        Stream<Integer> source = Stream.create();
        assertEquals(Arrays.asList(null, 1), emitAll(source, source.unique(), Arrays.asList(null, 1, null, 1)));
    }

    @Test
    void aKeyFunctionThatThrowsLeavesTheHistoryUnchanged() {
        Stream<String> source = Stream.create();
        List<String> results = source.unique(1, s -> s.substring(0, 2)).sinkToList();
        source.emit("abc");
        assertThrows(StringIndexOutOfBoundsException.class, () -> source.emit("x"));
        source.emit("abd");
        source.emit("xyz");
        assertEquals(List.of("abc", "xyz"), results);
    }

    @Test
    void badArgumentsFailWhenTheOperatorIsBuilt() {
        Stream<Integer> source = Stream.create();
        assertEquals("unique history must be at least 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> source.unique(0)).getMessage());
        assertEquals("unique key function must not be null",
                assertThrows(NullPointerException.class, () -> source.unique(1, null)).getMessage());
    }

    @Test
    void toStringNamesTheOperator() {
        assertEquals("<unique>", Stream.create().unique().toString());
    }
}
