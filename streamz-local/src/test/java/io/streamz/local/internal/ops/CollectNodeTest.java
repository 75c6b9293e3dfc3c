package io.streamz.local.internal.ops;

import io.streamz.CollectStream;
import io.streamz.Stream;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CollectNodeTest {
    @Test
    void holdsElementsUntilFlushedThenEmitsThemAsOneList() {
        Stream<Integer> source1 = Stream.create();
        Stream<String> source2 = Stream.create();
        CollectStream<Integer> collector = source1.collect();
        List<List<Integer>> results = collector.sinkToList();
        source2.sink(collector::flush);

        source1.emit(1);
        source1.emit(2);
        assertEquals(List.of(), results);
        source2.emit("anything");
        assertEquals(List.of(List.of(1, 2)), results);
    }

    @Test
    void everyFlushStartsANewCollectionAndAnEmptyOneEmitsAnEmptyList() {
        Stream<Integer> source = Stream.create();
        CollectStream<Integer> collector = source.collect();
        List<List<Integer>> results = collector.sinkToList();
        collector.flush();
        source.emit(1);
        source.emit(2);
        collector.flush();
        collector.flush();
        assertEquals(List.of(List.of(), List.of(1, 2), List.of()), results);
        assertThrows(UnsupportedOperationException.class, () -> results.get(1).add(3));
    }

    @Test
    void aFailedFlushKeepsTheElementsForTheNextFlush() {
        Stream<Integer> source = Stream.create();
        CollectStream<Integer> collector = source.collect();
        AtomicBoolean reject = new AtomicBoolean(true);
        List<List<Integer>> results = new ArrayList<>();
        collector.sink(batch -> {
            if (reject.get()) {
                throw new IllegalStateException("database down");
            }
            results.add(batch);
        });
        source.emit(1);
        assertThrows(IllegalStateException.class, collector::flush);
        reject.set(false);
        source.emit(2);
        collector.flush();
        assertEquals(List.of(List.of(1, 2)), results);
    }

    @Test
    void elementsThatArriveDuringAFlushWaitForTheNextOne() {
        Stream<Integer> source = Stream.create();
        CollectStream<Integer> collector = source.collect();
        List<List<Integer>> results = collector.sinkToList();
        collector.sink(batch -> {
            if (batch.contains(1)) {
                source.emit(99); // a feedback loop into the collector being flushed
            }
        });
        source.emit(1);
        collector.flush();
        collector.flush();
        assertEquals(List.of(List.of(1), List.of(99)), results);
    }

    @Test
    void flushAfterDestroyFailsClearly() {
        CollectStream<Integer> collector = Stream.<Integer>create().collect();
        collector.destroy();
        IllegalStateException error = assertThrows(IllegalStateException.class, collector::flush);
        assertEquals("<collect> was destroyed: build a new stream to emit into", error.getMessage());
    }

    @Test
    void toStringNamesTheOperator() {
        assertEquals("<collect>", Stream.create().collect().toString());
    }
}
