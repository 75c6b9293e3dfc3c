package io.streamz.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamz.ErrorHandler;
import io.streamz.Stream;
import io.streamz.time.VirtualScheduler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The whole cluster restarted under a running driver (every server stopped, new ones started on the
 * same ports with empty caches), as {@code docker-compose restart} does to the Docker cluster.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ClusterRestartTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final IgniteClusterOptions OPTIONS = IgniteClusterOptions.defaults().withOperationTimeout(TIMEOUT);
    /**
     * Longer than the discovery join timeout of cluster-config's XML (10 s), after which Ignite's client
     * gave up reconnecting and stopped: the outage the driver must now outlast.
     */
    private static final Duration LONG_OUTAGE = Duration.ofSeconds(13);
    /** How long a test waits for the client to notice the loss, or to be back: generous, the machine is shared. */
    private static final long PATIENCE_SECONDS = 90;

    @Test
    void aJoinedDriverReconnectsByItselfFailingWhatWasEmittedMeanwhileAndLoggingTheOutageOnce() throws Exception {
        List<Throwable> reported = new CopyOnWriteArrayList<>();
        ErrorHandler previous = Stream.setErrorHandler((where, error) -> reported.add(error));
        VirtualScheduler clock = new VirtualScheduler();
        try (IgniteCluster cluster = IgniteCluster.local(2, OPTIONS);
             // Joined by address like a driver on the Docker cluster: NodeConfigs.client, client.xml.
             IgniteCluster driver = IgniteCluster.connect(OPTIONS, cluster.discoveryAddresses().toArray(String[]::new));
             LogCapture log = LogCapture.start()) {
            Stream<Integer> source = Stream.create("numbers", clock);
            List<Integer> results = source.scatter(driver).map((Integer x) -> x * 10).buffer(8).gather().sinkToList();
            source.emit(1);
            source.drain();

            CountDownLatch lost = ServerRestarts.disconnection(driver.ignite());
            ServerRestarts.stopAll(cluster);
            int outage = 50;
            assertTimeoutPreemptively(TIMEOUT.multipliedBy(5), () -> {
                for (int i = 0; i < outage; i++) {
                    source.emit(100 + i);
                }
                source.drain();
            }, "elements emitted while no server runs must fail within the operation timeout, not hang");
            assertEquals(outage, reported.size(), "every element emitted during the outage reaches the error handler");
            reported.forEach(error -> assertInstanceOf(ClusterUnavailableException.class, error));

            assertTrue(lost.await(PATIENCE_SECONDS, TimeUnit.SECONDS), "the driver never noticed it lost the cluster");
            // The servers stay down a while: what is measured here is that the driver outlasts it.
            Thread.sleep(LONG_OUTAGE.toMillis());
            ServerRestarts.startAll(cluster);
            driver.whenConnected().get(PATIENCE_SECONDS, TimeUnit.SECONDS);

            source.emit(2);
            source.emit(3);
            source.drain();
            assertEquals(List.of(10, 20, 30), results);
            assertEquals(outage, reported.size());
            assertEquals(2, driver.ignite().cluster().forServers().nodes().size());

            clock.advance(Duration.ofSeconds(10));
            assertEquals(1, log.count("Error in "), String.join("\n", log.lines()));
            assertEquals(1, log.count((outage - 1) + " more elements failed with ClusterUnavailableException in the last 10 s"),
                    String.join("\n", log.lines()));
            assertEquals(1, log.count(driver.name() + ": lost the cluster"), String.join("\n", log.lines()));
            assertEquals(1, log.count(driver.name() + ": reconnected after"), String.join("\n", log.lines()));
        } finally {
            Stream.setErrorHandler(previous);
        }
    }

    @Test
    void anAccumulateWhoseStateWentWithEveryServerFailsNamingTheStepForThisAndEveryLaterElement() throws Exception {
        try (IgniteCluster cluster = IgniteCluster.local(2, OPTIONS)) {
            Stream<Integer> source = Stream.create();
            List<Integer> totals = source.scatter(cluster)
                    .accumulate((Integer sum, Integer x) -> sum + x, 0).named("running total")
                    .gather().sinkToList();
            source.emit(1);
            source.emit(2);
            source.emit(3);

            CountDownLatch lost = ServerRestarts.disconnection(cluster.ignite());
            ServerRestarts.stopAll(cluster);
            assertTrue(lost.await(PATIENCE_SECONDS, TimeUnit.SECONDS), "the driver never noticed it lost the cluster");
            ServerRestarts.startAll(cluster);
            cluster.whenConnected().get(PATIENCE_SECONDS, TimeUnit.SECONDS);

            for (int x : List.of(4, 5)) {
                ClusterStateLostException error = assertThrows(ClusterStateLostException.class, () -> source.emit(x));
                assertTrue(error.getMessage().contains("<cluster accumulate: running total> lost its state"), error.getMessage());
                assertTrue(error.getMessage().contains("Every server holding it (and its backup) stopped"), error.getMessage());
            }
            assertEquals(List.of(1, 3, 6), totals, "nothing was counted on from a silently reset state");

            // A new stream starts afresh on the new servers.
            Stream<Integer> again = Stream.create();
            List<Integer> fresh = again.scatter(cluster).accumulate((Integer sum, Integer x) -> sum + x, 0).gather().sinkToList();
            again.emit(4);
            again.emit(5);
            assertEquals(List.of(4, 9), fresh);
        }
    }

    @Test
    void anAccumulateByKeyWhoseStatesWentWithEveryServerFailsTheKeysSeenBeforeWhileNewKeysStartAfresh() throws Exception {
        try (IgniteCluster cluster = IgniteCluster.local(2, OPTIONS)) {
            Stream<String> source = Stream.create();
            List<Integer> counts = source.scatter(cluster)
                    .accumulateByKey((String word) -> word, (Integer count, String word) -> count + 1, 0).named("word counts")
                    .gather().sinkToList();
            source.emit("a");
            source.emit("b");
            source.emit("a");

            CountDownLatch lost = ServerRestarts.disconnection(cluster.ignite());
            ServerRestarts.stopAll(cluster);
            assertTrue(lost.await(PATIENCE_SECONDS, TimeUnit.SECONDS), "the driver never noticed it lost the cluster");
            ServerRestarts.startAll(cluster);
            cluster.whenConnected().get(PATIENCE_SECONDS, TimeUnit.SECONDS);

            for (String word : List.of("a", "b")) {
                ClusterStateLostException error = assertThrows(ClusterStateLostException.class, () -> source.emit(word));
                assertTrue(error.getMessage().contains("<cluster accumulateByKey: word counts> lost the state of key " + word),
                        error.getMessage());
            }
            source.emit("c");
            assertEquals(List.of(1, 1, 2, 1), counts, "nothing was counted on from a silently reset state");
        }
    }
}
