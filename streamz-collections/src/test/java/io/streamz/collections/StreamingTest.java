package io.streamz.collections;

import io.streamz.Accumulated;
import io.streamz.Stream;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StreamingTest {
    private final Stream<String> source = Stream.create();
    private final Streaming<String> texts = Streaming.of(source, "example");

    @Test
    void streamIsTheUnderlyingStreamAndEmitPushesIntoIt() {
        assertSame(source, texts.stream());
        List<String> seen = source.sinkToList();
        texts.emit("a");
        assertEquals(List.of("a"), seen);
    }

    @Test
    void mapPartitionsMapsEveryElementAndTheExample() {
        Streaming<Integer> lengths = texts.mapPartitions(String::length);
        assertEquals(7, lengths.example());
        List<Integer> out = lengths.stream().sinkToList();
        source.emit("abc");
        assertEquals(List.of(3), out);
        assertEquals(-1, texts.mapPartitions(String::length, -1).example());
    }

    @Test
    void accumulatePartitionsEmitsTheRunningState() {
        Streaming<Integer> total = texts.accumulatePartitions((Integer sum, String s) -> sum + s.length(), 0);
        assertEquals(7, total.example());
        List<Integer> out = total.stream().sinkToList();
        source.emit("ab");
        source.emit("cde");
        assertEquals(List.of(2, 5), out);
    }

    @Test
    void accumulatePartitionsWithStateEmitsValuesApartFromTheState() {
        Streaming<String> longest = texts.accumulatePartitionsWithState(
                (String best, String s) -> {
                    String next = s.length() > best.length() ? s : best;
                    return Accumulated.of(next, "longest " + next);
                }, "");
        assertEquals("longest example", longest.example());
        List<String> out = longest.stream().sinkToList();
        source.emit("ab");
        source.emit("a");
        assertEquals(List.of("longest ab", "longest ab"), out);
    }

    @Test
    void everyOperationIsRecordedInThePipeline() {
        Streaming<Integer> result = texts.mapPartitions(String::length)
                .accumulatePartitions((Integer a, Integer b) -> a + b, 0);
        assertEquals(2, result.pipeline().size());
        assertSame(source, result.pipeline().root());
    }

    @Test
    void nullsFailAtOnce() {
        assertThrows(NullPointerException.class, () -> texts.emit(null));
        assertThrows(NullPointerException.class, () -> texts.mapPartitions(null));
        assertThrows(NullPointerException.class, () -> texts.accumulatePartitions(null, 0));
        assertThrows(NullPointerException.class, () -> Streaming.of((Stream<String>) null, "x"));
    }

    @Test
    void toStringShowsTheExample() {
        assertEquals("Streaming - elements like:\nexample", texts.toString());
    }
}
