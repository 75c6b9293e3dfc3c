package io.streamz.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link IgniteClusterOptions#withTls(Path)} and what {@code connect} makes of it before any network traffic. */
class ConnectWithTlsTest {

    @TempDir
    Path dir;

    @Test
    void withTlsKeepsTheOtherOptionsAndTheOtherWithMethodsKeepTheDirectory() {
        IgniteClusterOptions options = IgniteClusterOptions.defaults()
            .withOperationTimeout(Duration.ofSeconds(3))
            .withTls(dir)
            .withThreads(2)
            .withTaskTimeout(Duration.ofSeconds(7))
            .withMaxElementBytes(1024);

        assertEquals(new IgniteClusterOptions(Duration.ofSeconds(3), 2, Duration.ofSeconds(7), 1024, IgniteClusterOptions.DEFAULTS.maxBytesInFlight(), dir), options);
    }

    @Test
    void optionsArePlainUnlessTlsIsAskedFor() {
        assertNull(IgniteClusterOptions.defaults().tlsDirectory());
        assertNull(new IgniteClusterOptions(Duration.ofSeconds(1), 1).tlsDirectory());
        assertNull(new IgniteClusterOptions(Duration.ofSeconds(1), 1, Duration.ofSeconds(1), 1).tlsDirectory());
        assertThrows(NullPointerException.class, () -> IgniteClusterOptions.defaults().withTls(null));
    }

    @Test
    void connectWithATlsDirectoryLackingFilesFailsAtOnceNamingThemAndTheScriptThatMakesThem() throws Exception {
        Files.writeString(dir.resolve("password"), "pw");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> IgniteCluster.connect(IgniteClusterOptions.defaults().withTls(dir), "127.0.0.1:47500"));

        assertTrue(e.getMessage().contains("lacks client.p12 (missing), truststore.p12 (missing)"), e.getMessage());
        assertTrue(e.getMessage().contains("make-certs.sh"), e.getMessage());
    }
}
