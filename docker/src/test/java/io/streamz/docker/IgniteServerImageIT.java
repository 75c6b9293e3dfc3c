package io.streamz.docker;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

class IgniteServerImageIT {

    @Test
    void serverImageStartsAnIgniteNodeFromTheSharedServerXml() {
        try (GenericContainer<?> node = new GenericContainer<>(ServerImage.name())
                .withEnv("STREAMZ_DISCOVERY_ADDRESSES", "127.0.0.1:47500")
                .waitingFor(Wait.forLogMessage(".*Ignite node started OK.*\\n", 1)
                    .withStartupTimeout(Duration.ofSeconds(60)))) {
            node.start();

            String logs = node.getLogs();
            assertTrue(logs.contains("Ignite node started OK"), logs);
            assertTrue(logs.contains("servers=1, clients=0"), logs);
        }
    }
}
