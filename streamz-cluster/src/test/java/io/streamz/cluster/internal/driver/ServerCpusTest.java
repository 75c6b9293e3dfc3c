package io.streamz.cluster.internal.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.streamz.cluster.IgniteCluster;
import java.util.Collection;
import java.util.UUID;
import org.apache.ignite.cluster.ClusterNode;
import org.junit.jupiter.api.Test;

class ServerCpusTest {

    @Test
    void theDriverReadsEachServersCpusAsItsJvmReportsThemAndNothingForANodeItDoesNotKnow() {
        try (IgniteCluster cluster = IgniteCluster.local(2)) {
            ServerCpus cpus = new ServerCpus(cluster.ignite());
            Collection<ClusterNode> servers = cluster.ignite().cluster().forServers().nodes();

            assertFalse(servers.isEmpty());
            // The embedded servers run in this JVM, so each reports this JVM's processors.
            for (ClusterNode server : servers) {
                assertEquals(Runtime.getRuntime().availableProcessors(), cpus.of(server.id()), server.toString());
            }
            assertEquals(0, cpus.of(UUID.randomUUID()));
            assertEquals(0, cpus.of(null));
        }
    }
}
