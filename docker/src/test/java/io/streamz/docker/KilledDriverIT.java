package io.streamz.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamz.Stream;
import io.streamz.cluster.ChildDriver;
import io.streamz.cluster.ClusterStream;
import io.streamz.cluster.IgniteCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A driver killed with {@code kill -9} leaves nothing on the Docker cluster: the servers remove its stored results
 * and accumulate states once its client node has left the topology (DeadDriverCleaner), and only its. The driver runs
 * in a child JVM ({@link TlsDriverToKill}) that joins the containers with the cluster's client certificate, as a
 * user's driver does. Has a 3-node cluster of its own.
 */
class KilledDriverIT {

    /**
     * From the kill to the entries gone: the servers notice a silent client within their clientFailureDetectionTimeout
     * (10 s in server.xml) and wait a grace period of 5 s (DeadDriverCleaner); the rest is slack for 2 busy cores.
     */
    private static final Duration GONE_LIMIT = Duration.ofSeconds(60);
    /** The child JVM starts, joins with TLS, warms the cluster path up and stores its entries. */
    private static final Duration READY_LIMIT = Duration.ofSeconds(90);

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aKilledTlsDriversResultsAndStatesAreRemovedWhileALiveDriverKeepsItsOwnAndItsPipeline() throws Exception {
        try (DockerCluster containers = DockerCluster.start(3);
             IgniteCluster cluster = containers.connect()) {
            // This JVM is the live driver: one result waits in a partition, one accumulate state.
            Stream<Integer> source = Stream.create("live");
            ClusterStream<Integer> scattered = source.scatter(cluster);
            List<Integer> pairSums = scattered.map((Integer x) -> x * 10).partition(2)
                .map((List<Integer> pair) -> pair.get(0) + pair.get(1)).gather().sinkToList();
            List<Integer> totals = scattered.accumulate((Integer sum, Integer x) -> sum + x, 0).gather().sinkToList();
            source.emit(1);
            containers.await("the live driver's result and state are stored", Duration.ofSeconds(30),
                () -> cluster.storedResults() == 1 && cluster.storedStates() == 1);
            int clients = clients(cluster);

            List<String> args = new ArrayList<>(List.of(containers.tlsDirectory().toString(), "1", "1"));
            args.addAll(List.of(containers.discoveryAddresses()));
            try (ChildDriver child = ChildDriver.start(TlsDriverToKill.class, args)) {
                child.awaitLine(TlsDriverToKill.READY, READY_LIMIT.toSeconds());
                assertTrue(cluster.storedResults() > 1, "the child's results are stored");
                assertTrue(cluster.storedStates() > 1, "the child's state is stored");
                assertEquals(clients + 1, clients(cluster), "the child's client node is in the topology");

                long killedAt = System.nanoTime();
                child.kill();
                Duration left = containers.await("the killed driver's client node leaves the topology", GONE_LIMIT,
                    () -> clients(cluster) == clients);
                containers.await("the killed driver's entries are removed, the live one's kept",
                    GONE_LIMIT.minus(left), () -> cluster.storedResults() == 1 && cluster.storedStates() == 1);
                long gone = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
                System.out.printf("KilledDriverIT: the killed driver left the topology %d ms and its entries were"
                    + " gone %d ms after the kill%n", left.toMillis(), gone);
            }

            source.emit(2);
            assertEquals(List.of(30), List.copyOf(pairSums), "the live driver's waiting result was kept");
            assertEquals(List.of(1, 3), List.copyOf(totals), "the live driver's state was kept");
        }
    }

    private static int clients(IgniteCluster cluster) {
        return cluster.ignite().cluster().forClients().nodes().size();
    }
}
