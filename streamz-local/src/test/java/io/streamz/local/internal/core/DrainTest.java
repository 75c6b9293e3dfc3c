package io.streamz.local.internal.core;

import io.streamz.CollectStream;
import io.streamz.Stream;
import io.streamz.local.testsupport.Await;
import io.streamz.time.VirtualScheduler;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DrainTest {
    @Test
    void waitsUntilABufferInFrontOfASlowSinkHasDeliveredEverything() throws InterruptedException {
        Stream<Integer> source = Stream.create();
        CountDownLatch slowness = new CountDownLatch(1);
        List<Integer> written = new CopyOnWriteArrayList<>();
        source.buffer(10).sink(x -> {
            awaitUninterruptibly(slowness);
            written.add(x);
        });
        IntStream.range(0, 5).forEach(source::emit);

        CompletableFuture<Void> drained = source.drainAsync();
        assertFalse(drained.isDone(), "the sink has not written anything yet");
        slowness.countDown();
        Await.done(drained);
        assertEquals(List.of(0, 1, 2, 3, 4), written);
    }

    @Test
    void returnsAtOnceWhenNothingIsHeld() {
        Stream<Integer> source = Stream.create();
        List<Integer> results = source.map(x -> x + 1).sinkToList();
        source.emit(1);
        assertTrue(source.drainAsync().isDone());
        source.drain();
        assertEquals(List.of(2), results);
    }

    @Test
    void waitsThroughSeveralHoldingNodesOneAfterAnother() {
        VirtualScheduler clock = new VirtualScheduler();
        Stream<Integer> source = Stream.create("source", clock);
        List<Integer> results = source.buffer(5).delay(Duration.ofSeconds(1)).buffer(5).sinkToList();
        source.emit(1);
        CompletableFuture<Void> drained = source.drainAsync();
        Await.until(() -> clock.pendingTasks() == 1);  // 1 went through the first buffer into the delay
        assertFalse(drained.isDone(), "1 waits in the delay");
        clock.advance(Duration.ofSeconds(1));
        Await.done(drained);
        assertEquals(List.of(1), results);
    }

    @Test
    void waitsForEveryBranch() {
        VirtualScheduler clock = new VirtualScheduler();
        Stream<Integer> source = Stream.create("source", clock);
        List<Integer> fast = source.buffer(5).sinkToList();
        List<Integer> slow = source.delay(Duration.ofSeconds(1)).sinkToList();
        source.emit(1);
        CompletableFuture<Void> drained = source.drainAsync();
        assertFalse(drained.isDone());
        clock.advance(Duration.ofSeconds(1));
        Await.done(drained);
        assertEquals(List.of(1), fast);
        assertEquals(List.of(1), slow);
    }

    @Test
    void collectDoesNotCount() {
        Stream<Integer> source = Stream.create();
        CollectStream<Integer> collected = source.buffer(5).collect();
        List<List<Integer>> results = collected.sinkToList();
        source.emit(1);
        source.drain();
        assertEquals(List.of(), results);
        collected.flush();
        assertEquals(List.of(List.of(1)), results);
    }

    @Test
    void drainsOnlyWhatIsDownstreamOfTheNode() {
        VirtualScheduler clock = new VirtualScheduler();
        Stream<Integer> source = Stream.create("source", clock);
        Stream<Integer> other = Stream.create("other", clock);
        source.delay(Duration.ofSeconds(1)).sinkToList();
        List<Integer> results = other.buffer(1).sinkToList();
        source.emit(1);
        other.emit(2);
        Await.drained(other);
        assertEquals(List.of(2), results);
    }

    @Test
    void ordersNodesUpstreamFirstEvenWhenPathsDifferInLength() {
        Stream<Integer> source = Stream.create();
        Stream<Integer> longPath = source.map(x -> x).map(x -> x);
        Stream<Integer> shortPath = source.map(x -> x);
        Stream<Integer> joined = longPath.union(shortPath);
        List<Node<?>> order = Drain.upstreamFirst(Node.asNode(source));
        assertTrue(order.indexOf(Node.asNode(joined)) > order.indexOf(Node.asNode(longPath)));
        assertEquals(Node.asNode(source), order.get(0));
        assertEquals(5, order.size());
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
