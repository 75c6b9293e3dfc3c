package io.streamz.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.startupcheck.StartupCheckStrategy;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.containers.wait.strategy.WaitAllStrategy;

class IgniteServerImageIT {

    @Test
    void serverImageStartsAnIgniteNodeFromTheSharedServerXml() {
        try (GenericContainer<?> node = new GenericContainer<>(ServerImage.name())
                .withEnv("STREAMZ_DISCOVERY_ADDRESSES", "127.0.0.1:47500")
                .withCreateContainerCmdModifier(cmd -> DockerCluster.mountTls(cmd, TestCertificates.cluster()))
                // Both lines: Ignite may print the topology snapshot after "started OK".
                .waitingFor(new WaitAllStrategy()
                    .withStrategy(Wait.forLogMessage(".*Ignite node started OK.*\\n", 1))
                    .withStrategy(Wait.forLogMessage(".*Topology snapshot .*\\n", 1))
                    .withStartupTimeout(Duration.ofSeconds(60)))) {
            node.start();

            String logs = node.getLogs();
            assertTrue(logs.contains("Ignite node started OK"), logs);
            assertTrue(logs.contains("servers=1, clients=0"), logs);
            assertTrue(logs.contains("tls/ssl=on"), logs);
        }
    }

    @Test
    void serverImageRefusesToStartWithoutTlsMaterialSayingHowToMakeItOrOptOut() {
        try (GenericContainer<?> node = new GenericContainer<>(ServerImage.name())
                .withEnv("STREAMZ_DISCOVERY_ADDRESSES", "127.0.0.1:47500")
                .withStartupCheckStrategy(new ExitedStartupCheck())) {
            node.start();

            String logs = node.getLogs();
            assertEquals(2L, node.getCurrentContainerInfo().getState().getExitCodeLong(), logs);
            assertTrue(logs.contains("refuses to start without TLS"), logs);
            assertTrue(logs.contains("/etc/streamz/tls lacks server.p12 (missing)"), logs);
            assertTrue(logs.contains("make-certs.sh") && logs.contains("STREAMZ_INSECURE=true"), logs);
            assertFalse(logs.contains("Ignite node started OK"), logs);
        }
    }

    @Test
    void serverImageRunsPlainOnlyWhenTheOperatorSetsInsecureExplicitly() {
        try (GenericContainer<?> node = new GenericContainer<>(ServerImage.name())
                .withEnv("STREAMZ_DISCOVERY_ADDRESSES", "127.0.0.1:47500")
                .withEnv("STREAMZ_INSECURE", "true")
                .waitingFor(Wait.forLogMessage(".*Ignite node started OK.*\\n", 1)
                    .withStartupTimeout(Duration.ofSeconds(60)))) {
            node.start();

            String logs = node.getLogs();
            assertTrue(logs.contains("WARNING: STREAMZ_INSECURE=true: this node runs WITHOUT TLS"), logs);
            assertTrue(logs.contains("tls/ssl=off"), logs);
        }
    }

    /** Startup is over once the container has exited, whatever its status: these tests expect it to refuse. */
    private static final class ExitedStartupCheck extends StartupCheckStrategy {
        @Override
        public StartupStatus checkStartupState(DockerClient client, String containerId) {
            return Boolean.TRUE.equals(getCurrentState(client, containerId).getRunning())
                ? StartupStatus.NOT_YET_KNOWN : StartupStatus.SUCCESSFUL;
        }
    }
}
