package io.streamz.local.internal.ops;

import io.streamz.Stream;
import io.streamz.local.testsupport.Concurrently;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UnionNodeTest {
    @Test
    void everyElementOfEveryInputFlowsOnAsItComes() {
        Stream<Integer> a = Stream.create();
        Stream<Integer> b = Stream.create();
        Stream<Integer> c = Stream.create();
        List<Integer> results = a.union(b, c).sinkToList();
        a.emit(1);
        c.emit(3);
        b.emit(2);
        a.emit(4);
        assertEquals(List.of(1, 3, 2, 4), results);
    }

    @Test
    void elementsFromSeveralThreadsAllArriveInEachThreadsOrder() {
        Stream<Integer> a = Stream.create();
        Stream<Integer> b = Stream.create();
        List<Integer> results = a.union(b).sinkToList();
        Concurrently.run(
                () -> IntStream.range(0, 5_000).forEach(a::emit),
                () -> IntStream.range(5_000, 10_000).forEach(b::emit));

        List<Integer> fromA = new ArrayList<>(results.stream().filter(x -> x < 5_000).toList());
        List<Integer> fromB = new ArrayList<>(results.stream().filter(x -> x >= 5_000).toList());
        assertEquals(IntStream.range(0, 5_000).boxed().toList(), fromA);
        assertEquals(IntStream.range(5_000, 10_000).boxed().toList(), fromB);
    }

    @Test
    void aStreamGivenTwiceOrNullFailsWhenTheOperatorIsBuilt() {
        Stream<Integer> a = Stream.create("a");
        Stream<Integer> b = Stream.create();
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> a.union(b, a));
        assertEquals("<Stream: a> is given twice to union: each stream may be an input once "
                + "(map it to a second stream to use it twice)", twice.getMessage());
        assertThrows(NullPointerException.class, () -> a.union(b, null));
    }

    @Test
    void toStringNamesTheOperator() {
        Stream<Integer> a = Stream.create();
        assertEquals("<union>", a.union(Stream.create()).toString());
    }
}
