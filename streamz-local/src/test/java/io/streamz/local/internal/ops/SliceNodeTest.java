package io.streamz.local.internal.ops;

import io.streamz.Stream;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SliceNodeTest {
    private static List<Integer> emitRange(Stream<Integer> source, Stream<Integer> sliced, int count) {
        List<Integer> results = sliced.sinkToList();
        IntStream.range(0, count).forEach(source::emit);
        return results;
    }

    @Test
    void passesPositionsFromStartByStepBeforeEnd() {
        Stream<Integer> source = Stream.create();
        assertEquals(List.of(2, 4), emitRange(source, source.slice(2, 6, 2), 12));
    }

    @Test
    void theStepCountsFromPositionZeroNotFromStartAsInStreamz() {
        Stream<Integer> source = Stream.create();
        assertEquals(List.of(2, 4, 6, 8), emitRange(source, source.slice(1, 10, 2), 12));
        Stream<Integer> other = Stream.create();
        assertEquals(List.of(3, 6, 9), emitRange(other, other.slice(1, 100, 3), 12));
    }

    @Test
    void detachesFromItsUpstreamOnceTheEndIsReached() {
        Stream<Integer> source = Stream.create();
        Stream<Integer> sliced = source.slice(0, 3);
        List<Integer> results = emitRange(source, sliced, 2);
        assertEquals(List.of(sliced), source.downstreams());

        source.emit(2);
        assertEquals(List.of(), source.downstreams());
        assertEquals(List.of(), sliced.upstreams());
        source.emit(3);
        assertEquals(List.of(0, 1, 2), results);
    }

    @Test
    void withoutEndPassesEverythingFromStartAndStaysAttached() {
        Stream<Integer> source = Stream.create();
        Stream<Integer> sliced = source.slice(3);
        assertEquals(List.of(3, 4, 5, 6), emitRange(source, sliced, 7));
        assertEquals(List.of(source), sliced.upstreams());
    }

    @Test
    void anEndBeforeTheStartEmitsNothing() {
        Stream<Integer> source = Stream.create();
        assertEquals(List.of(), emitRange(source, source.slice(5, 3), 12));
    }

    @Test
    void anEndOfZeroIsAnEmptySliceUnlikeStreamzNoEnd() {
        Stream<Integer> source = Stream.create();
        Stream<Integer> sliced = source.slice(0, 0);
        assertEquals(List.of(), emitRange(source, sliced, 3));
        assertTrue(source.downstreams().isEmpty());
    }

    @Test
    void anElementCountsForThePositionsEvenWhenDownstreamFails() {
        Stream<Integer> source = Stream.create();
        Stream<Integer> sliced = source.slice(0, 10, 2);
        sliced.sink(x -> {
            if (x == 2) {
                throw new IllegalStateException("rejected");
            }
        });
        List<Integer> results = sliced.sinkToList();
        source.emit(0);
        source.emit(1);
        assertThrows(IllegalStateException.class, () -> source.emit(2));
        source.emit(3);
        source.emit(4);
        assertEquals(List.of(0, 4), results);
    }

    @Test
    void badArgumentsFailWhenTheOperatorIsBuilt() {
        Stream<Integer> source = Stream.create();
        assertEquals("slice start must not be negative, was -1",
                assertThrows(IllegalArgumentException.class, () -> source.slice(-1)).getMessage());
        assertEquals("slice end must not be negative, was -2",
                assertThrows(IllegalArgumentException.class, () -> source.slice(0, -2)).getMessage());
        assertEquals("slice step must be at least 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> source.slice(0, 5, 0)).getMessage());
    }

    @Test
    void toStringNamesTheOperator() {
        assertEquals("<slice>", Stream.create().slice(1).toString());
    }
}
