package io.streamz.local.internal.ops;

import io.streamz.Stream;
import io.streamz.local.testsupport.AcceptLaterNode;
import io.streamz.local.testsupport.Concurrently;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ZipLatestNodeTest {
    @Test
    void losslessElementsWaitUntilEveryOtherStreamHasAValue() {
        // Checked against streamz 0.6.4.
        Stream<Integer> a = Stream.create();
        Stream<String> b = Stream.create();
        Stream<String> c = Stream.create();
        List<List<Object>> results = a.zipLatest(b, c).sinkToList();
        a.emit(1);
        a.emit(2);
        b.emit("x");
        assertEquals(List.of(), results);
        c.emit("y");
        assertEquals(List.of(List.of(1, "x", "y"), List.of(2, "x", "y")), results);
        a.emit(3);
        b.emit("z");
        c.emit("w");
        a.emit(4);
        assertEquals(List.of(List.of(1, "x", "y"), List.of(2, "x", "y"), List.of(3, "x", "y"), List.of(4, "z", "w")),
                results);
    }

    @Test
    void updatesOfTheOtherStreamsAloneEmitNothing() {
        Stream<Integer> a = Stream.create();
        Stream<String> b = Stream.create();
        List<List<Object>> results = a.zipLatest(b).sinkToList();
        b.emit("x");
        b.emit("y");
        assertEquals(List.of(), results);
        a.emit(1);
        assertEquals(List.of(List.of(1, "y")), results);
    }

    @Test
    void theElementThatCompletesTheInputsIsAcceptedOnceEveryWaitingTupleIs() {
        Stream<Integer> a = Stream.create();
        Stream<String> b = Stream.create();
        AcceptLaterNode downstream = AcceptLaterNode.after(a.zipLatest(b));
        a.emit(1);
        a.emit(2);
        CompletableFuture<Void> accepted = b.emitAsync("x");
        assertEquals(List.of(List.of(1, "x"), List.of(2, "x")), downstream.received());
        downstream.accept(0);
        assertFalse(accepted.isDone());
        downstream.accept(1);
        assertTrue(accepted.isDone());
    }

    @Test
    void everyLosslessElementIsEmittedOnceInOrderWhileOthersUpdateConcurrently() {
        Stream<Integer> a = Stream.create();
        Stream<Integer> b = Stream.create();
        List<List<Object>> results = a.zipLatest(b).sinkToList();
        Concurrently.run(
                () -> IntStream.range(0, 10_000).forEach(a::emit),
                () -> IntStream.range(0, 10_000).forEach(i -> b.emit(-i)));
        b.emit(1); // releases what waited if b's first element came last

        assertEquals(IntStream.range(0, 10_000).boxed().toList(), results.stream().map(t -> t.get(0)).toList());
        List<Integer> latestOfB = results.stream().map(t -> (Integer) t.get(1)).toList();
        for (int i = 1; i < latestOfB.size() - 1; i++) {
            assertTrue(latestOfB.get(i) <= latestOfB.get(i - 1), "b's latest never goes back in time");
        }
    }

    @Test
    void toStringNamesTheOperator() {
        Stream<Integer> a = Stream.create();
        assertEquals("<zip_latest>", a.zipLatest(Stream.create()).toString());
    }
}
