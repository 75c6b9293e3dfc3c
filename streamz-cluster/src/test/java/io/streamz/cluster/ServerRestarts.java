package io.streamz.cluster;

import java.util.concurrent.CountDownLatch;
import org.apache.ignite.Ignite;
import org.apache.ignite.Ignition;
import org.apache.ignite.events.EventType;

/**
 * Restarts the whole of a {@link IgniteCluster#local} cluster as {@code docker-compose restart} does:
 * every server stopped, then new server nodes (new ids, empty caches) on the same loopback ports.
 */
final class ServerRestarts {
    private ServerRestarts() {
    }

    /** Stops every server of {@code cluster}; its client node stays. */
    static void stopAll(IgniteCluster cluster) {
        cluster.serverNames().forEach(name -> Ignition.stop(name, true));
    }

    /** Starts every server of {@code cluster} again, under the same names and ports. */
    static void startAll(IgniteCluster cluster) {
        for (int i = 0; i < cluster.serverNames().size(); i++) {
            Ignition.start(cluster.localServerConfiguration(i));
        }
    }

    /** Counts down when {@code client} knows it lost the cluster (Ignite's client disconnected event). */
    static CountDownLatch disconnection(Ignite client) {
        CountDownLatch lost = new CountDownLatch(1);
        client.events().localListen(event -> {
            lost.countDown();
            return false;
        }, EventType.EVT_CLIENT_NODE_DISCONNECTED);
        return lost;
    }
}
