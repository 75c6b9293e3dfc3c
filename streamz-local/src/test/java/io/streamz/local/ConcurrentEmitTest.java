package io.streamz.local;

import io.streamz.Stream;
import io.streamz.local.testsupport.Await;
import io.streamz.local.testsupport.Concurrently;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The threading guarantee of {@link Stream}: emitting from several threads at once loses and
 * duplicates nothing, and each thread's elements keep that thread's order, through synchronous
 * stateful operators and through a buffer's worker alike.
 */
class ConcurrentEmitTest {
    private static final int THREADS = 4;
    private static final int PER_THREAD = 5_000;

    /** An element: which thread emitted it and its number in that thread's sequence. */
    private record Tagged(int thread, int seq) {
    }

    private static Runnable[] emitters(Stream<Tagged> source) {
        Runnable[] tasks = new Runnable[THREADS];
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            tasks[t] = () -> IntStream.range(0, PER_THREAD).forEach(seq -> source.emit(new Tagged(thread, seq)));
        }
        return tasks;
    }

    /** Asserts every element arrived exactly once and each thread's elements in its order. */
    private static void assertCompleteAndPerThreadOrdered(List<Tagged> received) {
        assertEquals(THREADS * PER_THREAD, received.size());
        Map<Integer, Integer> next = new HashMap<>();
        for (Tagged x : received) {
            int expected = next.getOrDefault(x.thread(), 0);
            assertEquals(expected, x.seq(), "thread " + x.thread() + "'s elements out of order or duplicated");
            next.put(x.thread(), expected + 1);
        }
    }

    @Test
    void mapThenAccumulateThenSinkToList() {
        Stream<Tagged> source = Stream.create();
        // accumulate keeps the last element as its state and counts what it saw in the emitted pair.
        List<List<Object>> results = source.map(x -> x)
                .accumulate((List<Object> state, Tagged x) -> List.of(x, (Integer) state.get(1) + 1), List.of("", 0))
                .sinkToList();
        Concurrently.run(emitters(source));

        List<Tagged> received = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            received.add((Tagged) results.get(i).get(0));
            assertEquals(i + 1, results.get(i).get(1), "accumulate saw one element at a time");
        }
        assertCompleteAndPerThreadOrdered(received);
    }

    @Test
    void bufferThenSink() {
        Stream<Tagged> source = Stream.create();
        List<Tagged> received = new ArrayList<>();  // the buffer's worker is the only writer
        source.buffer(16).sink(received::add);
        Concurrently.run(emitters(source));
        Await.drained(source);
        assertCompleteAndPerThreadOrdered(received);
    }

    @Test
    void bufferThenMapAsyncThenSinkToList() {
        ExecutorService lookups = Executors.newFixedThreadPool(2);
        try {
            Stream<Tagged> source = Stream.create();
            List<Tagged> received = source.buffer(8)
                    .mapAsync(x -> CompletableFuture.supplyAsync(() -> x, lookups))
                    .sinkToList();
            Concurrently.run(emitters(source));
            Await.drained(source);
            assertCompleteAndPerThreadOrdered(received);
        } finally {
            lookups.shutdownNow();
        }
    }

    @Test
    void mapAsyncWithManyStagesInFlightFromSeveralThreads() {
        ExecutorService lookups = Executors.newFixedThreadPool(2);
        try {
            Stream<Tagged> source = Stream.create();
            List<Tagged> received = source.mapAsync(x -> CompletableFuture.supplyAsync(() -> x, lookups)).sinkToList();
            Runnable[] tasks = new Runnable[THREADS];
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                // emitAsync: a thread's elements are in flight together and may complete in any order.
                tasks[t] = () -> IntStream.range(0, PER_THREAD)
                        .mapToObj(seq -> source.emitAsync(new Tagged(thread, seq)))
                        .toList()
                        .forEach(Await::done);
            }
            Concurrently.run(tasks);
            Await.drained(source);
            assertCompleteAndPerThreadOrdered(received);
        } finally {
            lookups.shutdownNow();
        }
    }
}
