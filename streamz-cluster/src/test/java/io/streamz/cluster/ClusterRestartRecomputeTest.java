package io.streamz.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamz.ErrorHandler;
import io.streamz.Stream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every server restarted under a running pipeline of two chained maps: the results of the first map
 * that were stored on the servers went with them, and are recomputed (see ClusterLostResultsTest),
 * so that with an outage shorter than the operation timeout no element is lost.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ClusterRestartRecomputeTest {
    /** Longer than the restart of the embedded servers and the driver's reconnection, on a loaded machine. */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** How many results arrive before the restart (the stream is well under way), and after it. */
    private static final int BEFORE_RESTART = 300;
    private static final int AFTER_RESTART = 300;
    private static final long PATIENCE_SECONDS = 90;

    @Test
    void twoChainedMapsLoseNoElementWhenEveryServerRestartsWithinTheOperationTimeout() throws Exception {
        List<Throwable> reported = new CopyOnWriteArrayList<>();
        ErrorHandler previous = Stream.setErrorHandler((where, error) -> reported.add(error));
        try (IgniteCluster cluster = IgniteCluster.local(2, IgniteClusterOptions.defaults().withOperationTimeout(TIMEOUT))) {
            Stream<Integer> source = Stream.create();
            int[] emittedBeforeRestart = {0};
            CountDownLatch underWay = new CountDownLatch(BEFORE_RESTART);
            List<Integer> results = new CopyOnWriteArrayList<>();
            // The second map is the slower, so that results of the first wait for it on the servers.
            source.scatter(cluster).map((Integer x) -> x + 1).map((Integer x) -> spinThenTimesTen(x))
                    .buffer(64).gather().sink(x -> {
                        results.add(x);
                        underWay.countDown();
                    });
            CountDownLatch restarted = new CountDownLatch(1);
            // Elements flow all along: before, during and after the restart.
            CompletableFuture<Integer> emitted = CompletableFuture.supplyAsync(() -> {
                int count = 0;
                while (restarted.getCount() > 0 || count < emittedBeforeRestart[0] + AFTER_RESTART) {
                    source.emit(count++);
                    if (restarted.getCount() > 0) {
                        emittedBeforeRestart[0] = count;
                    }
                }
                source.drain();
                return count;
            });

            assertTrue(underWay.await(PATIENCE_SECONDS, TimeUnit.SECONDS), "the stream never got under way");
            long stopped = System.nanoTime();
            ServerRestarts.stopAll(cluster);
            ServerRestarts.startAll(cluster);
            restarted.countDown();
            int elements = emitted.get(PATIENCE_SECONDS * 2, TimeUnit.SECONDS);
            System.out.printf("every server restarted, the stream drained %,d ms after the stop, %,d elements: %,d failed, %,d gathered%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopped), elements, reported.size(), results.size());

            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < elements; i++) {
                expected.add((i + 1) * 10);
            }
            assertEquals(List.of(), reported, "no element failed");
            assertEquals(expected, results, "every element gathered once, in order");
            assertEquals(0, cluster.storedResults(), "nothing is left on the cluster");
        } finally {
            Stream.setErrorHandler(previous);
        }
    }

    /** A function slower than {@code x + 1}, without sleeping. */
    private static int spinThenTimesTen(int x) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1);
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
        return x * 10;
    }
}
