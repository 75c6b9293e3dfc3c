package io.streamz.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.ignite.Ignite;
import org.apache.ignite.Ignition;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.apache.ignite.spi.discovery.tcp.TcpDiscoverySpi;
import org.apache.ignite.spi.discovery.tcp.ipfinder.vm.TcpDiscoveryVmIpFinder;
import org.junit.jupiter.api.Test;

/** The harness itself, with plain Ignite: what the other ITs take for granted about {@link DockerCluster}. */
class DockerClusterIT {

    @Test
    void containersFormOneClusterThatAHostThickClientFromClientXmlJoinsAndComputesOn() throws Exception {
        try (DockerCluster cluster = DockerCluster.start(3);
             Ignite client = Ignition.start(clientOf(cluster))) {
            assertEquals(3, client.cluster().forServers().nodes().size(), cluster.logs());

            // Runs the lambda on every server: its class is peer-loaded from this JVM, as streamz jobs are.
            Collection<String> hostNames = client.compute(client.cluster().forServers())
                .broadcast(() -> System.getenv("HOSTNAME"));

            assertEquals(Set.copyOf(cluster.hostNames()), new HashSet<>(hostNames), cluster.logs());
        }
    }

    private static IgniteConfiguration clientOf(DockerCluster cluster) throws Exception {
        URL xml = DockerClusterIT.class.getResource("/io/streamz/cluster/config/client.xml");
        IgniteConfiguration cfg = Ignition.loadSpringBean(xml, "streamz.client");
        cfg.setIgniteInstanceName("docker-cluster-it-" + UUID.randomUUID());
        TcpDiscoverySpi discovery = (TcpDiscoverySpi)cfg.getDiscoverySpi();
        ((TcpDiscoveryVmIpFinder)discovery.getIpFinder()).setAddresses(List.of(cluster.discoveryAddresses()));
        return cfg;
    }
}
