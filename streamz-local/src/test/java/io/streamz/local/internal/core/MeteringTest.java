package io.streamz.local.internal.core;

import io.streamz.CollectStream;
import io.streamz.Stream;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MeteringTest {

    @Test
    void countsElementsInAndOutOfEveryNodeOfAGraphBuiltBeforeMetricsWentOn() {
        Stream<Integer> source = Stream.create();
        Stream<Integer> doubled = source.map(x -> x * 2).named("doubled");
        Stream<Integer> even = doubled.filter(x -> x % 4 == 0);
        List<Integer> out = new ArrayList<>();
        even.sink(out::add);
        try (Metering.Handle ignored = Metering.on()) {
            for (int i = 0; i < 100; i++) {
                source.emit(i);
            }
            assertEquals(100, metricsOf(source).received());
            assertEquals(100, metricsOf(source).emitted());
            assertEquals(100, metricsOf(doubled).received());
            assertEquals(100, metricsOf(doubled).emitted());
            assertEquals(100, metricsOf(even).received());
            assertEquals(50, metricsOf(even).emitted());
            assertTrue(metricsOf(doubled).nanos() > 0);
        }
        assertEquals(50, out.size());
    }

    @Test
    void countsAnExceptionOnlyAtTheNodeWhoseFunctionThrewIt() {
        try (Metering.Handle ignored = Metering.on()) {
            Stream<Integer> source = Stream.create();
            Stream<Integer> first = source.map(x -> x + 1);
            Stream<Integer> failing = first.map(x -> {
                if (x == 3) {
                    throw new IllegalStateException("three");
                }
                return x;
            });
            failing.sink(x -> { });
            source.emit(1);
            assertThrows(IllegalStateException.class, () -> source.emit(2));
            assertEquals(1, metricsOf(failing).errors());
            assertEquals(0, metricsOf(first).errors());
            assertEquals(2, metricsOf(failing).received());
        }
    }

    @Test
    void countsEachElementOnceAtANodeWithSeveralDownstreamsAndFollowsConnectsWhileOn() {
        try (Metering.Handle ignored = Metering.on()) {
            Stream<Integer> source = Stream.create();
            Stream<Integer> first = source.map(x -> x);
            first.sink(x -> { });
            source.emit(1);
            Stream<Integer> second = source.map(x -> x);
            second.sink(x -> { });
            source.emit(2);
            source.disconnect(first);
            source.emit(3);
            assertEquals(3, metricsOf(source).emitted());
            assertEquals(2, metricsOf(first).received());
            assertEquals(2, metricsOf(second).received());
        }
    }

    @Test
    void nodesCarryNoCountersWhenMetricsAreOff() {
        Stream<Integer> source = Stream.create();
        Stream<Integer> mapped = source.map(x -> x);
        Metering.Handle handle = Metering.on();
        assertNotNull(metricsOf(mapped));
        handle.close();
        assertNull(metricsOf(mapped), "closing the last handle takes the counters away again");
        assertNull(metricsOf(source.map(x -> x)), "nodes built while off get none");
    }

    @Test
    void reportsWhatAnAsynchronousNodeHoldsUntilDownstreamAcceptsIt() throws Exception {
        Stream<Integer> source = Stream.create();
        Stream<Integer> buffered = source.buffer(10);
        CompletableFuture<Void> gate = new CompletableFuture<>();
        buffered.sinkAsync(x -> gate);
        source.emit(1);
        source.emit(2);
        source.emit(3);
        assertEquals(3, ((Node<?>) buffered).held(), "one in the sink, two queued: all held by buffer");
        gate.complete(null);
        buffered.drainAsync().get(10, TimeUnit.SECONDS);
        assertEquals(0, ((Node<?>) buffered).held());
    }

    @Test
    void reportsTheElementsThatPartitionsSlidingWindowsAndCollectKeep() {
        Stream<Integer> source = Stream.create();
        Stream<?> byParity = source.partition(3, x -> x % 2);
        Stream<?> window = source.slidingWindow(4);
        CollectStream<Integer> collected = source.collect();
        for (Stream<?> node : List.of(byParity, window, collected)) {
            node.sink(x -> { });
        }
        for (int i = 0; i < 5; i++) {
            source.emit(i);
        }
        // 0, 2, 4 filled a group and left; 1 and 3 wait for a third odd number.
        assertEquals(2, ((Node<?>) byParity).held());
        assertEquals(4, ((Node<?>) window).held(), "the window keeps its last 4");
        assertEquals(5, ((Node<?>) collected).held());
        collected.flush();
        assertEquals(0, ((Node<?>) collected).held(), "a flush empties the collection");
        source.destroy();
        byParity.destroy();
        assertEquals(0, ((Node<?>) byParity).held(), "a destroyed partition forgets its groups");
    }

    @Test
    void listsTheNodesBuiltInThisJvm() {
        Stream<Integer> source = Stream.create();
        Stream<Integer> mapped = source.map(x -> x);
        List<Node<?>> live = Metering.liveNodes();
        assertTrue(live.contains(source) && live.contains(mapped));
        assertTrue(((Node<?>) mapped).serial() > ((Node<?>) source).serial());
    }

    private static NodeMetrics metricsOf(Stream<?> stream) {
        return Metering.of(Node.asNode(stream));
    }
}
