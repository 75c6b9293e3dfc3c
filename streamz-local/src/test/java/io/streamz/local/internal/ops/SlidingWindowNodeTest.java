package io.streamz.local.internal.ops;

import io.streamz.Stream;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SlidingWindowNodeTest {
    @Test
    void emitsFullWindowsOnlyByDefault() {
        Stream<Integer> source = Stream.create();
        List<List<Integer>> results = source.slidingWindow(3).sinkToList();
        IntStream.range(0, 8).forEach(source::emit);
        assertEquals(List.of(List.of(0, 1, 2), List.of(1, 2, 3), List.of(2, 3, 4), List.of(3, 4, 5),
                List.of(4, 5, 6), List.of(5, 6, 7)), results);
        assertThrows(UnsupportedOperationException.class, () -> results.get(0).set(0, 9));
    }

    @Test
    void withReturnPartialTheFirstShorterWindowsAreEmittedToo() {
        Stream<Integer> source = Stream.create();
        List<List<Integer>> results = source.slidingWindow(3, true).sinkToList();
        IntStream.range(0, 5).forEach(source::emit);
        assertEquals(List.of(List.of(0), List.of(0, 1), List.of(0, 1, 2), List.of(1, 2, 3), List.of(2, 3, 4)),
                results);
    }

    @Test
    void aWindowOfOneHoldsTheLatestElementAndNullsAreKept() {
        Stream<String> source = Stream.create();
        List<List<String>> results = source.slidingWindow(1).sinkToList();
        source.emit("a");
        source.emit(null);
        assertEquals(List.of(List.of("a"), Arrays.asList((String) null)), results);
    }

    @Test
    void aWindowDoesNotChangeAfterItWasEmitted() {
        Stream<Integer> source = Stream.create();
        List<List<Integer>> results = source.slidingWindow(2).sinkToList();
        IntStream.range(0, 4).forEach(source::emit);
        assertEquals(List.of(0, 1), results.get(0));
    }

    @Test
    void aSizeBelowOneFailsWhenTheOperatorIsBuilt() {
        Stream<Integer> source = Stream.create();
        assertEquals("sliding window size must be at least 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> source.slidingWindow(0)).getMessage());
    }

    @Test
    void toStringNamesTheOperatorAndItsSize() {
        assertEquals("<sliding_window: 3>", Stream.create().slidingWindow(3).toString());
    }
}
