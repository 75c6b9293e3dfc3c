package io.streamz.local.internal.ops;

import io.streamz.Stream;
import io.streamz.local.testsupport.Concurrently;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PartitionNodeTest {
    @Test
    void groupsElementsIntoListsOfNAndHoldsTheRest() {
        Stream<Integer> source = Stream.create();
        List<List<Integer>> results = source.partition(3).sinkToList();
        IntStream.range(0, 10).forEach(source::emit);
        assertEquals(List.of(List.of(0, 1, 2), List.of(3, 4, 5), List.of(6, 7, 8)), results);
        assertThrows(UnsupportedOperationException.class, () -> results.get(0).add(9));
    }

    @Test
    void aPartitionOfOneEmitsEveryElementAlone() {
        Stream<String> source = Stream.create();
        List<List<String>> results = source.partition(1).sinkToList();
        source.emit("a");
        source.emit(null);
        assertEquals(List.of(List.of("a"), Arrays.asList((String) null)), results);
    }

    @Test
    void aKeyGroupsElementsApartEachGroupEmittedWhenFull() {
        Stream<Integer> source = Stream.create();
        List<List<Integer>> results = source.partition(2, x -> x % 2).sinkToList();
        IntStream.range(0, 7).forEach(source::emit);
        assertEquals(List.of(List.of(0, 2), List.of(1, 3), List.of(4, 6)), results);
    }

    @Test
    void aKeyFunctionThatThrowsLeavesTheGroupsUnchanged() {
        Stream<Integer> source = Stream.create();
        List<List<Integer>> results = source.partition(2, x -> 10 / x).sinkToList();
        source.emit(10);
        assertThrows(ArithmeticException.class, () -> source.emit(0));
        source.emit(9);
        assertEquals(List.of(List.of(10, 9)), results);
    }

    @Test
    void concurrentEmittersLoseAndDuplicateNothing() {
        Stream<Integer> source = Stream.create();
        List<List<Integer>> results = source.partition(10).sinkToList();
        Concurrently.run(
                () -> IntStream.range(0, 5_000).forEach(source::emit),
                () -> IntStream.range(5_000, 10_000).forEach(source::emit));

        List<Integer> all = new ArrayList<>();
        results.forEach(group -> {
            assertEquals(10, group.size());
            all.addAll(group);
        });
        all.sort(null);
        assertEquals(IntStream.range(0, 10_000).boxed().toList(), all);
    }

    @Test
    void badArgumentsFailWhenTheOperatorIsBuilt() {
        Stream<Integer> source = Stream.create();
        assertEquals("partition size must be at least 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> source.partition(0)).getMessage());
        assertEquals("partition key function must not be null",
                assertThrows(NullPointerException.class,
                        () -> source.partition(2, (Function<Integer, ?>) null)).getMessage());
    }

    @Test
    void toStringNamesTheOperatorAndItsSize() {
        assertEquals("<partition: 3>", Stream.create().partition(3).toString());
    }
}
