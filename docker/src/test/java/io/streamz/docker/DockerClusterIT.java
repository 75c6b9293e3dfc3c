package io.streamz.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.streamz.cluster.config.TlsDirectory;
import io.streamz.cluster.config.TlsDirectory.Role;
import java.net.URL;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteException;
import org.apache.ignite.Ignition;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.apache.ignite.spi.discovery.tcp.TcpDiscoverySpi;
import org.apache.ignite.spi.discovery.tcp.ipfinder.vm.TcpDiscoveryVmIpFinder;
import org.junit.jupiter.api.Test;

/** The harness itself, with plain Ignite: what the other ITs take for granted about {@link DockerCluster}. */
class DockerClusterIT {

    // A restarted container starts a fresh JVM and Ignite node: about as long as the first start.
    private static final Duration REJOIN_TIMEOUT = Duration.ofSeconds(90);

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

    /** Ignite's default failure handler halts a server's JVM, e.g. when the others dropped it during a pause. */
    @Test
    void aServerThatHaltsItselfIsRestartedByItsRestartPolicyAndRejoinsTheCluster() throws Exception {
        try (DockerCluster cluster = DockerCluster.start(2);
             Ignite client = Ignition.start(clientOf(cluster))) {
            String victim = cluster.hostNames().get(0);

            client.compute(client.cluster().forServers()).broadcastAsync(() -> {
                if (victim.equals(System.getenv("HOSTNAME")))
                    Runtime.getRuntime().halt(130);
                return null;
            });

            await(() -> cluster.restartCount(0) >= 1, "Docker restarts the halted node", cluster);
            // Two servers in the topology may still be the halted node before it is found dead: wait
            // until both containers' nodes answer code sent to them.
            Set<String> both = Set.copyOf(cluster.hostNames());
            await(() -> both.equals(answeringHostNames(client)), "the restarted node rejoins and runs code", cluster);
        }
    }

    /** The containers whose servers answer a broadcast now; none while the topology changes under it. */
    private static Set<String> answeringHostNames(Ignite client) {
        try {
            Collection<String> hostNames = client.compute(client.cluster().forServers())
                .broadcast(() -> System.getenv("HOSTNAME"));
            return new HashSet<>(hostNames);
        }
        catch (IgniteException changing) {
            return Set.of();
        }
    }

    private static void await(BooleanSupplier condition, String what, DockerCluster cluster)
        throws InterruptedException {
        long deadline = System.nanoTime() + REJOIN_TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline)
                throw new AssertionError("Not within " + REJOIN_TIMEOUT + ": " + what + ". Logs:\n" + cluster.logs());
            Thread.sleep(200);
        }
    }

    /** client.xml as a user's own client loads it, presenting the cluster's client certificate. */
    private static IgniteConfiguration clientOf(DockerCluster cluster) throws Exception {
        URL xml = DockerClusterIT.class.getResource("/io/streamz/cluster/config/client.xml");
        IgniteConfiguration cfg = Ignition.loadSpringBean(xml, "streamz.client");
        cfg.setIgniteInstanceName("docker-cluster-it-" + UUID.randomUUID());
        cfg.setSslContextFactory(TlsDirectory.of(cluster.tlsDirectory()).contextFactory(Role.CLIENT));
        TcpDiscoverySpi discovery = (TcpDiscoverySpi)cfg.getDiscoverySpi();
        ((TcpDiscoveryVmIpFinder)discovery.getIpFinder()).setAddresses(List.of(cluster.discoveryAddresses()));
        return cfg;
    }
}
