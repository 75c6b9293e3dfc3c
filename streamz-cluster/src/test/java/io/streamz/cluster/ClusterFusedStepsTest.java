package io.streamz.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamz.Stream;
import io.streamz.cluster.ClusterMapTest.Gate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Consecutive element-wise cluster steps run fused: one task per element for the whole chain, nothing
 * stored between the steps, the same results and failures as step by step.
 */
class ClusterFusedStepsTest {
    @RegisterExtension
    static final EmbeddedCluster CLUSTER = new EmbeddedCluster(2);

    // Read by the functions on the embedded servers (same JVM, same class).
    private static volatile CountDownLatch entered = new CountDownLatch(0);
    private static final AtomicInteger LATER_STAGE_CALLS = new AtomicInteger();

    @Test
    void consecutiveStepsRunInOneTaskAndStoreNoResultBetweenThem() throws InterruptedException {
        CountDownLatch release = Gate.open();
        entered = new CountDownLatch(1);
        Stream<Integer> source = Stream.create();
        List<Integer> results = source.scatter(CLUSTER.get()).map((Integer x) -> x + 1).map((Integer x) -> {
            entered.countDown();
            Gate.await();
            return x * 10;
        }).gather().sinkToList();

        CompletableFuture<Void> delivered = source.emitAsync(4);
        assertTrue(entered.await(30, TimeUnit.SECONDS), "the second step never ran");

        // Step by step, the first map's result would wait in the cache for the second.
        assertEquals(0, CLUSTER.get().storedResults());
        release.countDown();
        delivered.join();
        assertEquals(List.of(50), results);
    }

    @Test
    void aChainOfMapStarmapFilterAndMapGivesWhatItsStepsGiveOneByOne() {
        Stream<Integer> source = Stream.create();
        List<String> results = source.scatter(CLUSTER.get())
                .map((Integer x) -> List.of(x, x + 1))
                .starmap((Integer a, Integer b) -> a * b)
                .filter((Integer product) -> product % 4 == 0)
                .map((Integer product) -> "p" + product)
                .buffer(16).gather().sinkToList();

        for (int i = 0; i < 200; i++) {
            source.emit(i);
        }
        source.drain();

        assertEquals(IntStream.range(0, 200).map(i -> i * (i + 1)).filter(p -> p % 4 == 0).mapToObj(p -> "p" + p).toList(), results);
        assertEquals(0, CLUSTER.get().storedResults());
    }

    @Test
    void anElementFailingInAnEarlyStepSkipsTheLaterStepsAndReachesTheEmitterAsThrown() {
        LATER_STAGE_CALLS.set(0);
        Stream<Integer> source = Stream.create();
        List<Integer> results = source.scatter(CLUSTER.get()).map((Integer x) -> {
            if (x == 2) {
                throw new IllegalArgumentException("two is not allowed");
            }
            return x;
        }).map((Integer x) -> {
            LATER_STAGE_CALLS.incrementAndGet();
            return x * 10;
        }).gather().sinkToList();

        source.emit(1);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> source.emit(2));
        source.emit(3);

        assertEquals("two is not allowed", error.getMessage());
        assertEquals(List.of(10, 30), results);
        assertEquals(2, LATER_STAGE_CALLS.get());
    }

    @Test
    void aStepRunningFusedRefusesANewConsumerOnceElementsFlow() {
        Stream<Integer> source = Stream.create();
        ClusterStream<Integer> first = source.scatter(CLUSTER.get()).map((Integer x) -> x + 1);
        List<Integer> results = first.map((Integer x) -> x * 2).gather().sinkToList();
        source.emit(1);

        IllegalStateException refused = assertThrows(IllegalStateException.class, first::gather);

        assertTrue(refused.getMessage().contains("runs fused with the cluster steps after it"), refused.getMessage());
        assertTrue(refused.getMessage().contains("before the first emit"), refused.getMessage());
        source.emit(2);
        assertEquals(List.of(4, 6), results);
    }

    @Test
    void aStepWithSeveralConsumersIsNotFusedAndEachGetsItsResults() {
        Stream<Integer> source = Stream.create();
        ClusterStream<Integer> first = source.scatter(CLUSTER.get()).map((Integer x) -> x + 1);
        List<Integer> doubled = first.map((Integer x) -> x * 2).buffer(8).gather().sinkToList();
        List<Integer> tripled = first.map((Integer x) -> x * 3).buffer(8).gather().sinkToList();

        for (int i = 0; i < 20; i++) {
            source.emit(i);
        }
        source.drain();

        assertEquals(IntStream.range(1, 21).map(x -> x * 2).boxed().toList(), doubled);
        assertEquals(IntStream.range(1, 21).map(x -> x * 3).boxed().toList(), tripled);
    }
}
