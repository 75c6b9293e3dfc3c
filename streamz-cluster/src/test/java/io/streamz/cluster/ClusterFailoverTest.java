package io.streamz.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamz.ErrorHandler;
import io.streamz.Stream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.ignite.Ignition;
import org.junit.jupiter.api.Test;

/** Servers lost while a stream runs: one of three (nothing lost), then all of them (nothing hangs). */
class ClusterFailoverTest {

    @Test
    void oneOfThreeServersStoppedMidStreamLosesNothingAndAppliesNothingTwice() {
        List<Throwable> reported = new CopyOnWriteArrayList<>();
        ErrorHandler previous = Stream.setErrorHandler((where, error) -> reported.add(error));
        try (IgniteCluster cluster = IgniteCluster.local(3)) {
            Stream<Integer> source = Stream.create();
            ClusterStream<Integer> incremented = source.scatter(cluster).map((Integer x) -> {
                Thread.sleep(1);
                return x + 1;
            });
            // Two consumers: the increments wait in the cache, where a lost node's backup keeps them.
            List<Integer> doubled = incremented.map((Integer x) -> x * 2).buffer(16).gather().sinkToList();
            List<Long> sums = incremented.accumulate((Long sum, Integer x) -> sum + x, 0L).buffer(16).gather().sinkToList();

            int n = 2_000;
            for (int i = 0; i < n; i++) {
                if (i == n / 3) {
                    Ignition.stop(cluster.serverNames().get(1), true);
                }
                source.emit(i);
            }
            source.drain();

            assertEquals(List.of(), reported);
            assertEquals(IntStream.range(0, n).map(i -> (i + 1) * 2).boxed().toList(), doubled);
            List<Long> expectedSums = new ArrayList<>();
            long sum = 0;
            for (int i = 0; i < n; i++) {
                sum += i + 1;
                expectedSums.add(sum);
            }
            assertEquals(expectedSums, sums);
            assertEquals(0, cluster.storedResults());
        } finally {
            Stream.setErrorHandler(previous);
        }
    }

    @Test
    void whenEveryServerIsGoneWaitingAndNewEmitsFailWithinTheTimeoutNamingTheCluster() {
        IgniteClusterOptions options = IgniteClusterOptions.defaults().withOperationTimeout(Duration.ofSeconds(3));
        try (IgniteCluster cluster = IgniteCluster.local(1, options)) {
            Stream<Integer> source = Stream.create();
            source.scatter(cluster).accumulate((Integer sum, Integer x) -> {
                Thread.sleep(500);
                return sum + x;
            }, 0).gather().sinkToList();
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                CompletableFuture<Void> running = source.emitAsync(1);
                // Accumulate sends one task at a time: this element waits for the first one.
                CompletableFuture<Void> waiting = source.emitAsync(2);
                Ignition.stop(cluster.serverNames().get(0), true);

                ExecutionException failed = assertThrows(ExecutionException.class, () -> waiting.get(20, TimeUnit.SECONDS));
                assertNamesTheCluster(cluster, failed.getCause());
                // Ignite lets a job finish while its node stops: the running element may have made it.
                running.handle((ignored, error) -> null).get(20, TimeUnit.SECONDS);

                RuntimeException fresh = assertThrows(RuntimeException.class, () -> source.emit(3));
                assertNamesTheCluster(cluster, fresh);
            });
        }
    }

    private static void assertNamesTheCluster(IgniteCluster cluster, Throwable error) {
        assertInstanceOf(ClusterUnavailableException.class, error);
        assertTrue(error.getMessage().contains(cluster.name()), error.getMessage());
    }
}
