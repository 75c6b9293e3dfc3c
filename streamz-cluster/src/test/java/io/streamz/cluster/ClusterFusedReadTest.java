package io.streamz.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamz.Stream;
import io.streamz.cluster.ClusterMapTest.Gate;
import io.streamz.cluster.internal.stream.ServerReads;
import io.streamz.local.internal.core.Node;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A source that reads on the servers ({@link ServerReads}, what {@code fromKafkaBatched} on a cluster
 * builds on) runs the element-wise steps right after it in each read's own task: what it read is
 * never stored, only the steps' outcome, with the same results and failures as step by step.
 */
class ClusterFusedReadTest {
    @RegisterExtension
    static final EmbeddedCluster CLUSTER = new EmbeddedCluster(2);

    // Read by the functions on the embedded servers (same JVM, same class).
    private static volatile CountDownLatch entered = new CountDownLatch(0);

    @Test
    void aReadAppliesTheStepsAfterItWhereItReadAndStoresNoBatchBetween() throws InterruptedException {
        CountDownLatch release = Gate.open();
        entered = new CountDownLatch(1);
        ServerReads reads = ServerReads.on(CLUSTER.get(), "test reads");
        Stream<Object> source = Stream.create();
        List<Integer> sizes = reads.<List<String>>stream(Node.asNode(source))
                .map((List<String> batch) -> batch.stream().map(s -> s.toUpperCase(Locale.ROOT)).toList())
                .map((List<String> batch) -> {
                    entered.countDown();
                    Gate.await();
                    return batch.size();
                })
                .gather().sinkToList();

        CompletableFuture<Void> delivered = reads.read(0, () -> List.of("a", "b", "c")).thenCompose(source::emitAsync);
        assertTrue(entered.await(30, TimeUnit.SECONDS), "the last step never ran");

        // Step by step, the batch read would wait in the cache for the steps' task.
        assertEquals(0, CLUSTER.get().storedResults());
        assertTrue(reads.toString().contains("test reads -> cluster map -> cluster map on "), reads.toString());
        release.countDown();
        delivered.join();
        assertEquals(List.of(3), sizes);
    }

    @Test
    void aFunctionFailingAfterAReadFailsItsElementWithItsOwnExceptionNotTheRead() {
        ServerReads reads = ServerReads.on(CLUSTER.get(), "test reads");
        Stream<Object> source = Stream.create();
        List<Integer> results = reads.<Integer>stream(Node.asNode(source)).map((Integer x) -> {
            if (x == 2) {
                throw new IllegalArgumentException("two is not allowed");
            }
            return x * 10;
        }).gather().sinkToList();

        source.emit(reads.read(0, () -> 1).join());
        // The read itself succeeds: what fails is the element, as in the step's own task.
        Object failed = reads.read(1, () -> 2).join();
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> source.emit(failed));
        source.emit(reads.read(0, () -> 3).join());

        assertEquals("two is not allowed", error.getMessage());
        assertEquals(List.of(10, 30), results);
    }

    @Test
    void aReadOfNothingGivesNothingToEmitAndAnElementAFusedFilterDropsIsEmittedAsAbsent() {
        ServerReads reads = ServerReads.on(CLUSTER.get(), "test reads");
        Stream<Object> source = Stream.create();
        List<Integer> results = reads.<Integer>stream(Node.asNode(source))
                .filter((Integer x) -> x % 2 == 0).map((Integer x) -> x * 10).gather().sinkToList();

        assertNull(reads.read(0, () -> null).join());
        Object dropped = reads.read(0, () -> 1).join();
        assertNotNull(dropped, "a filtered-out element still goes downstream, so that each step sees it");
        source.emit(dropped);
        source.emit(reads.read(1, () -> 2).join());

        assertEquals(List.of(20), results);
    }

    @Test
    void theReadStreamAndAStepFusedWithItsReadsRefuseANewConsumerOnceReadsBegan() {
        ServerReads reads = ServerReads.on(CLUSTER.get(), "test reads");
        Stream<Object> source = Stream.create();
        ClusterStream<Integer> read = reads.stream(Node.asNode(source));
        ClusterStream<Integer> first = read.map((Integer x) -> x + 1);
        List<Integer> results = first.map((Integer x) -> x * 2).gather().sinkToList();
        source.emit(reads.read(0, () -> 1).join());

        IllegalStateException stepRefused = assertThrows(IllegalStateException.class, first::gather);
        // It would get the chain's outcome, not what was read.
        IllegalStateException readRefused = assertThrows(IllegalStateException.class, read::gather);

        assertTrue(stepRefused.getMessage().contains("runs fused with the cluster steps after it"), stepRefused.getMessage());
        assertTrue(readRefused.getMessage().contains("runs fused with the cluster steps after it, in one task per read"),
                readRefused.getMessage());
        assertTrue(readRefused.getMessage().contains("before it starts"), readRefused.getMessage());
        source.emit(reads.read(0, () -> 2).join());
        assertEquals(List.of(4, 6), results);
    }

    @Test
    void theResultsOfAStepFusedWithAReadAreStoredForEachOfItsConsumersThenRemoved() {
        ServerReads reads = ServerReads.on(CLUSTER.get(), "test reads");
        Stream<Object> source = Stream.create();
        ClusterStream<Integer> plusOne = reads.<Integer>stream(Node.asNode(source)).map((Integer x) -> x + 1);
        List<Integer> doubled = plusOne.map((Integer x) -> x * 2).buffer(8).gather().sinkToList();
        List<Integer> tripled = plusOne.map((Integer x) -> x * 3).buffer(8).gather().sinkToList();

        for (int i = 0; i < 20; i++) {
            int value = i;
            source.emit(reads.read(i % 4, () -> value).join());
        }
        source.drain();

        assertTrue(reads.toString().contains("test reads -> cluster map on "), reads.toString());
        assertEquals(IntStream.range(1, 21).map(x -> x * 2).boxed().toList(), doubled);
        assertEquals(IntStream.range(1, 21).map(x -> x * 3).boxed().toList(), tripled);
        assertEquals(0, CLUSTER.get().storedResults());
    }
}
