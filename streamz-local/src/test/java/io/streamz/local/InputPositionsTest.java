package io.streamz.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamz.Stream;
import io.streamz.local.internal.core.BatchPositions;
import io.streamz.local.internal.core.InputPartition;
import io.streamz.local.internal.core.InputPosition;
import io.streamz.local.internal.core.RefCounter;
import io.streamz.local.internal.core.Refs;
import io.streamz.local.testsupport.Await;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which input record an element comes from ({@link Refs#position()}), as a durable step reads it:
 * {@code flatten} of a counted batch whose positions are known gives each item its record's position,
 * which holders carry through; whatever mixes records or multiplies one carries none.
 */
class InputPositionsTest {
    private final InputPartition partition = new InputPartition("topic/0");

    @Test
    void flattenOfAPositionedBatchEmitsEachItemUnderItsRecordsPosition() {
        Stream<List<String>> source = Stream.create();
        List<Object> seen = positionsAt(source.<String>flatten().map(String::length));

        RefCounter batch = emitBatch(source, List.of("a", "bb", "ccc"), 7, 9, 12);

        assertEquals(List.of(position(7), position(9), position(12)), seen);
        assertTrue(batch.isDone());
    }

    @Test
    void aBufferKeepsTheItemsPositionUntilItEmitsIt() {
        Stream<List<String>> source = Stream.create();
        List<Object> seen = positionsAt(source.<String>flatten().buffer(10));

        RefCounter batch = emitBatch(source, List.of("a", "b"), 3, 4);

        Await.until(() -> seen.size() == 2);
        assertEquals(List.of(position(3), position(4)), seen);
        Await.until(batch::isDone);
    }

    @Test
    void aListMadeFromTheBatchIsNotTheBatchItsItemsHaveNoPosition() {
        Stream<List<String>> source = Stream.create();
        List<Object> seen = positionsAt(source.map(ArrayList::new).<String>flatten());

        emitBatch(source, List.of("a", "b"), 3, 4);

        assertEquals(List.of("none", "none"), seen);
    }

    @Test
    void flatteningAPositionedItemAgainLeavesItsPartsWithoutAPosition() {
        Stream<List<String>> source = Stream.create();
        List<Object> seen = positionsAt(source.<String>flatten().map(x -> List.of(x, x)).<String>flatten());

        emitBatch(source, List.of("a"), 5);

        assertEquals(List.of("none", "none"), seen, "two elements must not claim one record");
    }

    @Test
    void aWindowOfItemsFromDifferentRecordsHasNoPositionAndOfOneRecordKeepsIt() {
        Stream<List<String>> pairs = Stream.create();
        List<Object> pairPositions = positionsAt(pairs.<String>flatten().partition(2));
        emitBatch(pairs, List.of("a", "b"), 1, 2);
        assertEquals(List.of("none"), pairPositions);

        Stream<List<String>> singles = Stream.create();
        List<Object> singlePositions = positionsAt(singles.<String>flatten().partition(1));
        emitBatch(singles, List.of("a"), 1);
        assertEquals(List.of(position(1)), singlePositions);
    }

    @Test
    void mergingRefsOfOneCounterKeepsAPositionOnlyWhenBothHaveIt() {
        RefCounter counter = new RefCounter(() -> { });
        List<String> batch = List.of("a", "b");
        Refs whole = Refs.of(new RefCounter(() -> { }, new BatchPositions(batch, partition, new long[] {1, 2})));
        Refs first = whole.forItem(batch, 0);
        Refs second = whole.forItem(batch, 1);

        assertEquals(position(1), first.position());
        assertNull(Refs.merge(first.retain(), second.retain()).position());
        assertSame(first, Refs.merge(first.retain(), first.retain()));
        assertNull(Refs.of(counter).forItem(batch, 0).position(), "a counter without positions positions nothing");
    }

    /** What each element reaching the end of {@code stream} carries: its position, or "none". */
    private static List<Object> positionsAt(Stream<?> stream) {
        List<Object> seen = Collections.synchronizedList(new ArrayList<>());
        stream.sink(x -> {
            Refs refs = Refs.current();
            seen.add(refs == null || refs.position() == null ? "none" : refs.position());
        });
        return seen;
    }

    private RefCounter emitBatch(Stream<List<String>> source, List<String> batch, long... offsets) {
        RefCounter counter = new RefCounter(() -> { }, new BatchPositions(batch, partition, offsets));
        Refs.emitCounted(counter, () -> source.emit(batch));
        return counter;
    }

    private InputPosition position(long offset) {
        return new InputPosition(partition, offset);
    }
}
