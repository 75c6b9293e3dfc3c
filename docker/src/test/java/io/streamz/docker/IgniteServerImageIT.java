package io.streamz.docker;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.containers.wait.strategy.WaitAllStrategy;

class IgniteServerImageIT {

    @Test
    void serverImageStartsAnIgniteNodeFromTheSharedServerXml() {
        try (GenericContainer<?> node = new GenericContainer<>(ServerImage.name())
                .withEnv("STREAMZ_DISCOVERY_ADDRESSES", "127.0.0.1:47500")
                // Both lines: Ignite may print the topology snapshot after "started OK".
                .waitingFor(new WaitAllStrategy()
                    .withStrategy(Wait.forLogMessage(".*Ignite node started OK.*\\n", 1))
                    .withStrategy(Wait.forLogMessage(".*Topology snapshot .*\\n", 1))
                    .withStartupTimeout(Duration.ofSeconds(60)))) {
            node.start();

            String logs = node.getLogs();
            assertTrue(logs.contains("Ignite node started OK"), logs);
            assertTrue(logs.contains("servers=1, clients=0"), logs);
        }
    }
}
