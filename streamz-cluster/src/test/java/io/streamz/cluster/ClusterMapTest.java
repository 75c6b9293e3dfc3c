package io.streamz.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamz.ErrorHandler;
import io.streamz.Stream;
import io.streamz.function.FunctionEx;
import io.streamz.function.UserFunctionException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.ignite.Ignition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Cluster map and gather on an embedded 2-server cluster, from the seed's Dask quickstart on. */
class ClusterMapTest {
    @RegisterExtension
    static final EmbeddedCluster CLUSTER = new EmbeddedCluster(2);

    @Test
    void daskQuickstartPrintsOneToTen() {
        // source.scatter().map(inc).buffer(8).gather().sink(print) over range(10)
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        Stream<Integer> source = Stream.create();
        source.scatter().map(ClusterMapTest::inc).buffer(8).gather().sink(out::println);

        for (int i = 0; i < 10; i++) {
            source.emit(i);
        }
        source.drain();

        assertEquals("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n", printed.toString(StandardCharsets.UTF_8));
        System.out.print(printed.toString(StandardCharsets.UTF_8));
    }

    @Test
    void resultsComeBackInEmitOrderWhateverTheirDuration() {
        Stream<Integer> source = Stream.create();
        List<Integer> results = source.scatter().map((Integer x) -> {
            Thread.sleep(x % 3 == 0 ? 20 : 0);
            return x * 10;
        }).buffer(16).gather().sinkToList();

        for (int i = 0; i < 50; i++) {
            source.emit(i);
        }
        source.drain();

        assertEquals(IntStream.range(0, 50).map(i -> i * 10).boxed().toList(), results);
    }

    @Test
    void withoutBufferEmitReturnsOnceGatherDeliveredTheElement() {
        Stream<Integer> source = Stream.create();
        List<Integer> results = source.scatter().map(ClusterMapTest::inc).gather().sinkToList();

        source.emit(1);
        assertEquals(List.of(2), results);
        source.emit(2);
        assertEquals(List.of(2, 3), results);
    }

    @Test
    void chainedStepsRunOnTheClusterAndLeaveNothingInTheCache() {
        Stream<Integer> source = Stream.create();
        List<String> results = source.scatter().map(ClusterMapTest::inc).map((Integer x) -> x * 2)
                .map(Object::toString).buffer(32).gather().sinkToList();

        for (int i = 0; i < 500; i++) {
            source.emit(i);
        }
        source.drain();

        assertEquals(IntStream.range(0, 500).mapToObj(i -> String.valueOf((i + 1) * 2)).toList(), results);
        assertEquals(0, CLUSTER.get().storedResults());
    }

    @Test
    void theNextStepRunsOnTheServerWhereTheResultLies() {
        Stream<Integer> source = Stream.create();
        List<Boolean> sameServer = source.scatter().map((Integer x) -> Ignition.localIgnite().name())
                .map((String first) -> first.equals(Ignition.localIgnite().name())).buffer(8).gather().sinkToList();

        for (int i = 0; i < 40; i++) {
            source.emit(i);
        }
        source.drain();

        assertEquals(Collections.nCopies(40, true), sameServer);
    }

    @Test
    void aResultWaitsInTheCacheUntilTheNextStepConsumedIt() throws InterruptedException {
        CountDownLatch release = Gate.open();
        Stream<Integer> source = Stream.create();
        // The buffer keeps the two maps apart: next to each other they would run fused, storing nothing between.
        List<Integer> results = source.scatter().map(ClusterMapTest::inc).buffer(1).map((Integer x) -> {
            Gate.await();
            return x * 10;
        }).gather().sinkToList();

        CompletableFuture<Void> delivered = source.emitAsync(4);

        assertEquals(1, awaitStoredResults(1));
        release.countDown();
        delivered.join();
        source.drain();
        assertEquals(List.of(50), results);
        assertEquals(0, CLUSTER.get().storedResults());
    }

    /** Polls until {@code expected} results are stored (the first step is asynchronous), for up to 10 s. */
    private static int awaitStoredResults(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (CLUSTER.get().storedResults() != expected && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return CLUSTER.get().storedResults();
    }

    @Test
    void mapPassesHandlesOnWithoutWaitingForTheCluster() throws Exception {
        CountDownLatch release = Gate.open();
        Stream<Integer> source = Stream.create();
        List<Integer> results = source.scatter().map((Integer x) -> {
            Gate.await();
            return x;
        }).buffer(4).gather().sinkToList();

        CompletableFuture<Void> accepted = source.emitAsync(7);

        assertTrue(accepted.isDone(), "emit waited for the cluster although a buffer stands before gather");
        release.countDown();
        source.drain();
        assertEquals(List.of(7), results);
    }

    @Test
    void aRemoteExceptionReachesTheEmitterAsItWasThrownAndTheStreamGoesOn() {
        Stream<Integer> source = Stream.create();
        List<Integer> results = source.scatter().map((Integer x) -> {
            if (x == 2) {
                throw new IllegalArgumentException("two is not allowed");
            }
            return x;
        }).gather().sinkToList();

        source.emit(1);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> source.emit(2));
        source.emit(3);

        assertEquals("two is not allowed", error.getMessage());
        assertEquals(List.of(1, 3), results);
    }

    @Test
    void aCheckedExceptionIsWrappedOnce() {
        Stream<Integer> source = Stream.create();
        source.scatter().map((Integer x) -> {
            throw new IOException("disk gone");
        }).gather().sinkToList();

        UserFunctionException error = assertThrows(UserFunctionException.class, () -> source.emit(1));

        assertInstanceOf(IOException.class, error.getCause());
        assertEquals("disk gone", error.getCause().getMessage());
    }

    @Test
    void afterABufferARemoteExceptionGoesToTheErrorHandler() {
        List<Throwable> reported = new CopyOnWriteArrayList<>();
        ErrorHandler previous = Stream.setErrorHandler((where, error) -> reported.add(error));
        try {
            Stream<Integer> source = Stream.create();
            List<Integer> results = source.scatter().map((Integer x) -> {
                if (x == 3) {
                    throw new IllegalStateException("no threes");
                }
                return x;
            }).buffer(4).gather().sinkToList();

            for (int i = 0; i < 6; i++) {
                source.emit(i);
            }
            source.drain();

            assertEquals(List.of(0, 1, 2, 4, 5), results);
            assertEquals(1, reported.size());
            assertInstanceOf(IllegalStateException.class, reported.get(0));
            assertEquals("no threes", reported.get(0).getMessage());
        } finally {
            Stream.setErrorHandler(previous);
        }
    }

    @Test
    void nullResultsTravelLikeAnyOther() {
        Stream<Integer> source = Stream.create();
        List<Object> results = Collections.synchronizedList(new ArrayList<>());
        source.scatter().map((Integer x) -> x % 2 == 0 ? null : x).buffer(4).gather().sink(results::add);

        for (int i = 0; i < 4; i++) {
            source.emit(i);
        }
        source.drain();

        assertEquals(java.util.Arrays.asList(null, 1, null, 3), results);
    }

    @Test
    void starmapSplaysTheItemsOfAList() {
        Stream<List<Integer>> source = Stream.create();
        List<Integer> results = source.scatter().starmap((Integer a, Integer b) -> a * b).gather().sinkToList();

        source.emit(List.of(3, 4));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> source.emit(List.of(1, 2, 3)));

        assertEquals(List.of(12), results);
        assertTrue(error.getMessage().contains("2-item Lists"), error.getMessage());
    }

    @Test
    void aFunctionCapturingSomethingNotSerializableFailsWhenTheOperatorIsBuilt() {
        Object notSerializable = new Object();
        Stream<Integer> source = Stream.create();

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> source.scatter().map((Integer x) -> x + notSerializable.hashCode()));

        assertTrue(error.getMessage().contains("not serializable"), error.getMessage());
        assertTrue(error.getMessage().contains("java.lang.Object"), error.getMessage());
    }

    @Test
    void aNullFunctionIsRefusedWhenTheOperatorIsBuilt() {
        Stream<Integer> source = Stream.create();

        assertThrows(NullPointerException.class, () -> source.scatter().map((FunctionEx<Integer, Integer>) null));
    }

    @Test
    void scatterThenGatherGivesBackTheValues() {
        Stream<String> source = Stream.create();
        List<String> results = source.scatter().gather().sinkToList();

        source.emit("a");
        source.emit("b");

        assertEquals(List.of("a", "b"), results);
        assertSame(CLUSTER.get(), source.scatter().cluster());
    }

    private static int inc(int x) {
        return x + 1;
    }

    /** A latch the cluster's jobs (in this JVM) wait on. */
    static final class Gate {
        private static volatile CountDownLatch latch = new CountDownLatch(0);

        static CountDownLatch open() {
            latch = new CountDownLatch(1);
            return latch;
        }

        static void await() throws InterruptedException {
            latch.await(30, TimeUnit.SECONDS);
        }
    }
}
