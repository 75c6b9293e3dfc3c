package io.streamz.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamz.Stream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A driver killed with {@code kill -9} leaves nothing on the cluster: its servers remove its stored
 * results and accumulate states once its client node has left, and only its. The driver runs in a
 * child JVM ({@link DriverToKill}) that joins this test's embedded cluster.
 */
class KilledDriverTest {
    /**
     * How long after the kill the entries must be gone: the embedded servers notice a killed client
     * within 4 s (their clientFailureDetectionTimeout), wait a grace period of 5 s, then remove
     * (8.4 s and 10.2 s measured); the rest is slack for a loaded machine.
     */
    private static final long BOUND_SECONDS = 30;
    private static final long READY_SECONDS = 90;

    @RegisterExtension
    static final EmbeddedCluster CLUSTER = new EmbeddedCluster(2);

    @Test
    void aKilledDriversResultsAndStatesAreRemovedWhileALiveDriverKeepsItsOwn() throws Exception {
        IgniteCluster cluster = CLUSTER.get();
        // This JVM is the live driver: one result waits in a partition, one accumulate state.
        Stream<Integer> source = Stream.create();
        ClusterStream<Integer> scattered = source.scatter(cluster);
        List<Integer> pairSums = scattered.map((Integer x) -> x * 10).partition(2)
                .map((List<Integer> pair) -> pair.get(0) + pair.get(1)).gather().sinkToList();
        List<Integer> totals = scattered.accumulate((Integer sum, Integer x) -> sum + x, 0).gather().sinkToList();
        source.emit(1);
        await(() -> cluster.storedResults() == 1 && cluster.storedStates() == 1, 20, "the live driver's entries are stored");

        try (ChildDriver driver = startDriverToKill(cluster, 1, 1)) {
            driver.awaitLine(DriverToKill.READY, READY_SECONDS);
            assertTrue(cluster.storedResults() > 1, "the child's results are stored");
            assertTrue(cluster.storedStates() > 1, "the child's state is stored");

            long killed = System.nanoTime();
            driver.kill();
            await(() -> cluster.storedResults() == 1 && cluster.storedStates() == 1, BOUND_SECONDS,
                    "the killed driver's entries are removed, the live one's are kept");
            System.out.printf("the killed driver's entries were gone %d ms after the kill%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed));
        }

        source.emit(2);
        assertEquals(List.of(30), pairSums);
        assertEquals(List.of(1, 3), totals);
    }

    /** A JVM running {@link DriverToKill} that joins {@code cluster}. */
    private static ChildDriver startDriverToKill(IgniteCluster cluster, int results, int states) throws IOException {
        List<String> args = new ArrayList<>(List.of(Integer.toString(results), Integer.toString(states)));
        args.addAll(cluster.discoveryAddresses());
        return ChildDriver.start(DriverToKill.class, args);
    }

    /** Polls {@code condition} for up to {@code seconds}, then asserts it. */
    private static void await(BooleanSupplier condition, long seconds, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(condition.getAsBoolean(), what + " within " + seconds + " s");
    }
}
