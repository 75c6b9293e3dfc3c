package io.streamz.local.internal.ops;

import io.streamz.Stream;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CombineLatestNodeTest {
    @Test
    void emitsOnceEveryInputHasAValueThenOnEveryUpdate() {
        Stream<Integer> a = Stream.create();
        Stream<String> b = Stream.create();
        List<List<Object>> results = a.combineLatest(b).sinkToList();
        a.emit(1);
        a.emit(2);
        b.emit("x");
        a.emit(3);
        b.emit("y");
        assertEquals(List.of(List.of(2, "x"), List.of(3, "x"), List.of(3, "y")), results);
    }

    @Test
    void withEmitOnOnlyUpdatesOfTheNamedStreamsEmit() {
        Stream<String> a = Stream.create();
        Stream<Integer> b = Stream.create();
        List<List<Object>> results = a.combineLatest(List.of(a), b).sinkToList();
        b.emit(1);
        a.emit("x");
        b.emit(2);
        a.emit("y");
        assertEquals(List.of(List.of("x", 1), List.of("y", 2)), results);
    }

    @Test
    void emitOnMayNameOthersAndThisStreamTogether() {
        Stream<String> a = Stream.create();
        Stream<String> b = Stream.create();
        Stream<String> c = Stream.create();
        List<List<Object>> results = a.combineLatest(Set.of(b, c), b, c).sinkToList();
        a.emit("a1");
        b.emit("b1");
        c.emit("c1");
        a.emit("a2");
        b.emit("b2");
        assertEquals(List.of(List.of("a1", "b1", "c1"), List.of("a2", "b2", "c1")), results);
    }

    @Test
    void aNullElementCountsAsAValue() {
        Stream<String> a = Stream.create();
        Stream<String> b = Stream.create();
        List<List<Object>> results = a.combineLatest(b).sinkToList();
        a.emit(null);
        b.emit("b");
        assertEquals(List.of(Arrays.asList(null, "b")), results);
    }

    @Test
    void badEmitOnFailsWhenTheOperatorIsBuilt() {
        Stream<String> a = Stream.create();
        Stream<String> b = Stream.create();
        Stream<String> stranger = Stream.create("stranger");
        assertEquals("<Stream: stranger> in emitOn is not an input of combine_latest: name this stream or some of the others",
                assertThrows(IllegalArgumentException.class,
                        () -> a.combineLatest(List.of(stranger), b)).getMessage());
        assertEquals("emitOn must not be empty: name this stream and/or some of the others, "
                        + "or leave it out to emit on every update",
                assertThrows(IllegalArgumentException.class, () -> a.combineLatest(List.of(), b)).getMessage());
        assertEquals("emitOn must not be null", assertThrows(NullPointerException.class,
                () -> a.combineLatest((List<Stream<?>>) null, b)).getMessage());
    }

    @Test
    void toStringNamesTheOperator() {
        Stream<Integer> a = Stream.create();
        assertEquals("<combine_latest>", a.combineLatest(Stream.create()).toString());
    }
}
