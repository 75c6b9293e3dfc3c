package io.streamz.local.internal.ops;

import io.streamz.Stream;
import io.streamz.local.testsupport.Concurrently;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ZipNodeTest {
    @Test
    void emitsOneElementOfEachInputPerListOnceAllHaveOne() {
        Stream<Integer> a = Stream.create();
        Stream<String> b = Stream.create();
        List<List<Object>> results = a.zip(b).sinkToList();
        a.emit(1);
        a.emit(2);
        assertEquals(List.of(), results);
        b.emit("x");
        b.emit("y");
        b.emit("z");
        a.emit(3);
        assertEquals(List.of(List.of(1, "x"), List.of(2, "y"), List.of(3, "z")), results);
        assertThrows(UnsupportedOperationException.class, () -> results.get(0).add(0));
    }

    @Test
    void theListFollowsTheOrderOfTheInputsThisStreamFirst() {
        Stream<String> a = Stream.create();
        Stream<String> b = Stream.create();
        Stream<String> c = Stream.create();
        List<List<Object>> results = a.zip(b, c).sinkToList();
        c.emit("c");
        b.emit("b");
        a.emit("a");
        assertEquals(List.of(List.of("a", "b", "c")), results);
    }

    @Test
    void nullElementsAreZippedLikeAnyOther() {
        Stream<String> a = Stream.create();
        Stream<String> b = Stream.create();
        List<List<Object>> results = a.zip(b).sinkToList();
        a.emit(null);
        b.emit("b");
        assertEquals(List.of(Arrays.asList(null, "b")), results);
    }

    @Test
    void inputsFedFromTwoThreadsArePairedInEachInputsOrder() {
        Stream<Integer> a = Stream.create();
        Stream<Integer> b = Stream.create();
        List<List<Object>> results = a.zip(b).sinkToList();
        Concurrently.run(
                () -> IntStream.range(0, 10_000).forEach(a::emit),
                () -> IntStream.range(0, 10_000).forEach(i -> b.emit(-i)));

        assertEquals(IntStream.range(0, 10_000).mapToObj(i -> List.<Object>of(i, -i)).toList(), results);
    }

    @Test
    void aStreamConnectedLaterIsNotAnInputAndFailsClearly() {
        Stream<Integer> a = Stream.create();
        Stream<Integer> b = Stream.create();
        Stream<Integer> stranger = Stream.create("stranger");
        Stream<List<Object>> zipped = a.zip(b);
        stranger.connect(zipped);
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> stranger.emit(1));
        assertEquals("<Stream: stranger> is not an input of zip: its inputs are fixed when it is built, "
                + "put a union in front instead", error.getMessage());
    }

    @Test
    void aStreamGivenTwiceFailsWhenTheOperatorIsBuilt() {
        Stream<Integer> a = Stream.create();
        assertThrows(IllegalArgumentException.class, () -> a.zip(a));
    }

    @Test
    void toStringNamesTheOperator() {
        Stream<Integer> a = Stream.create();
        assertEquals("<zip>", a.zip(Stream.create()).toString());
    }
}
