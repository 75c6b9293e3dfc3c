package io.streamz.local.internal.ops;

import io.streamz.Accumulated;
import io.streamz.Stream;
import io.streamz.local.testsupport.Concurrently;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AccumulateNodeTest {
    @Test
    void withoutStartTheFirstElementBecomesTheStateAndIsEmittedAsIs() {
        Stream<Integer> source = Stream.create();
        List<Integer> results = source.accumulate((Integer acc, Integer x) -> acc + x).sinkToList();
        for (int i = 0; i < 5; i++) {
            source.emit(i);
        }
        assertEquals(List.of(0, 1, 3, 6, 10), results);
    }

    @Test
    void withoutStartTheFirstElementIsNotPassedToTheFunction() {
        Stream<String> source = Stream.create();
        List<String> results = source.accumulate((String acc, String x) -> acc + "+" + x).sinkToList();
        source.emit("a");
        source.emit("b");
        assertEquals(List.of("a", "a+b"), results);
    }

    @Test
    void withStartEveryElementIsCombinedWithTheState() {
        Stream<Integer> source = Stream.create();
        List<Integer> counts = source.accumulate((Integer acc, Integer x) -> acc + 1, 0).sinkToList();
        for (int i = 0; i < 5; i++) {
            source.emit(0);
        }
        assertEquals(List.of(1, 2, 3, 4, 5), counts);
    }

    @Test
    void theStateMayHaveAnotherTypeThanTheElements() {
        Stream<String> source = Stream.create();
        List<Integer> lengths = source.accumulate((Integer total, String x) -> total + x.length(), 100).sinkToList();
        source.emit("ab");
        source.emit("cde");
        assertEquals(List.of(102, 105), lengths);
    }

    @Test
    void withStateKeepsTheStateAndEmitsTheValue() {
        // streamz's "like enumerate" example: returns_state=True, start=(0, 0).
        Stream<Integer> source = Stream.create();
        List<List<Integer>> results = source.accumulateWithState(
                (List<Integer> acc, Integer x) -> Accumulated.of(List.of(acc.get(0) + 1, x), List.of(acc.get(0), x)),
                List.of(0, 0)).sinkToList();
        for (int i = 0; i < 3; i++) {
            source.emit(0);
        }
        assertEquals(List.of(List.of(0, 0), List.of(1, 0), List.of(2, 0)), results);
    }

    @Test
    void aNullStartIsAStateLikeAnyOther() {
        Stream<String> source = Stream.create();
        List<String> results = source.accumulate((String acc, String x) -> acc + x, (String) null).sinkToList();
        source.emit("a");
        assertEquals(List.of("nulla"), results);
    }

    @Test
    void aNullFirstElementBecomesTheStateWithoutStart() {
        Stream<String> source = Stream.create();
        List<String> results = source.accumulate((String acc, String x) -> acc + x).sinkToList();
        source.emit(null);
        source.emit("b");
        assertEquals(Arrays.asList(null, "nullb"), results);
    }

    @Test
    void aFunctionThatThrowsLeavesTheStateUnchangedAndTheStreamKeepsWorking() {
        Stream<Integer> source = Stream.create();
        List<Integer> results = source.accumulate((Integer acc, Integer x) -> acc + 10 / x, 0).sinkToList();
        source.emit(1);
        assertThrows(ArithmeticException.class, () -> source.emit(0));
        source.emit(2);
        assertEquals(List.of(10, 15), results);
    }

    @Test
    void aDownstreamFailureDoesNotUndoTheNewState() {
        Stream<Integer> source = Stream.create();
        Stream<Integer> sums = source.accumulate((Integer acc, Integer x) -> acc + x, 0);
        sums.sink(sum -> {
            if (sum == 3) {
                throw new IllegalStateException("downstream rejects 3");
            }
        });
        List<Integer> results = sums.sinkToList();
        source.emit(1);
        assertThrows(IllegalStateException.class, () -> source.emit(2));
        source.emit(3);
        assertEquals(List.of(1, 6), results);
    }

    @Test
    void aWithStateFunctionReturningNullFailsClearly() {
        Stream<Integer> source = Stream.create();
        source.accumulateWithState((Integer acc, Integer x) -> (Accumulated<Integer, Integer>) null, 0).sinkToList();
        NullPointerException error = assertThrows(NullPointerException.class, () -> source.emit(1));
        assertEquals("the accumulateWithState function returned null: return Accumulated.of(newState, valueToEmit)",
                error.getMessage());
    }

    @Test
    void concurrentEmittersEachAddOnceAndTheSumsLeaveInOrder() {
        Stream<Integer> source = Stream.create();
        List<Integer> sums = source.accumulate((Integer acc, Integer x) -> acc + x, 0).sinkToList();
        Runnable emitOnes = () -> {
            for (int i = 0; i < 2_000; i++) {
                source.emit(1);
            }
        };
        Concurrently.run(emitOnes, emitOnes, emitOnes, emitOnes);
        assertEquals(IntStream.rangeClosed(1, 8_000).boxed().toList(), new ArrayList<>(sums));
    }

    @Test
    void aNullFunctionFailsWhenTheOperatorIsBuilt() {
        Stream<Integer> source = Stream.create();
        assertEquals("accumulate function must not be null", assertThrows(NullPointerException.class,
                () -> source.accumulate((BiFunction<Integer, Integer, Integer>) null)).getMessage());
        assertEquals("accumulate function must not be null", assertThrows(NullPointerException.class,
                () -> source.accumulate(null, 0)).getMessage());
        assertEquals("accumulateWithState function must not be null", assertThrows(NullPointerException.class,
                () -> source.accumulateWithState(null, 0)).getMessage());
    }

    @Test
    void toStringNamesTheOperator() {
        Stream<Integer> source = Stream.create();
        assertEquals("<accumulate>", source.accumulate((Integer a, Integer x) -> a + x).toString());
        assertEquals("<accumulate: total>", source.accumulate(Integer::sum).named("total").toString());
    }
}
