package io.streamz.cluster.internal.driver;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.ignite.Ignite;
import org.apache.ignite.cluster.ClusterNode;

/**
 * The CPUs each server's JVM reports ({@code Runtime.availableProcessors()}, which Ignite hands round in
 * every node's metrics): in a container limited with {@code --cpus 0.5}, 1; on a bare machine, its
 * cores (the servers of an embedded cluster in one JVM each report all of them). Read once per server
 * and kept, since a node's CPUs do not change while it runs. Thread-safe.
 */
final class ServerCpus {
    private final Ignite ignite;
    private final Map<UUID, Integer> known = new ConcurrentHashMap<>();

    ServerCpus(Ignite ignite) {
        this.ignite = ignite;
    }

    /** The CPUs of {@code server}, or 0 when this client does not know it (gone, or its metrics not received yet). */
    int of(UUID server) {
        if (server == null) {
            return 0;
        }
        Integer cpus = known.get(server);
        if (cpus != null) {
            return cpus;
        }
        ClusterNode node = ignite.cluster().node(server);
        int read = node == null ? 0 : node.metrics().getTotalCpus();
        if (read <= 0) {
            return 0;
        }
        known.put(server, read);
        return read;
    }

    @Override
    public String toString() {
        return "ServerCpus" + known;
    }
}
