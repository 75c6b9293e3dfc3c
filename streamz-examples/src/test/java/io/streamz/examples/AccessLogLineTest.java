package io.streamz.examples;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessLogLineTest {
    @Test
    void parsesTheFieldsOfAGeneratedLine() {
        AccessLogLine line = AccessLogLine.parse("2026-11-26T10:00:00.123Z 10.0.0.7 GET /api/items 404 12\n");
        assertEquals(new AccessLogLine("GET", "/api/items", 404, 12), line);
        assertEquals("4xx", line.statusClass());
    }

    @Test
    void rejectsALineThatIsNotAnAccessLogLine() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> AccessLogLine.parse("hello"));
        assertTrue(error.getMessage().contains("hello"), error.getMessage());
    }

    @Test
    void optionsDefaultToAnEmbeddedClusterForTenSeconds() {
        assertEquals(new JobOptions(List.of(), 10, 2000), JobOptions.parse());
    }

    @Test
    void connectTakesCommaSeparatedAddresses() {
        JobOptions options = JobOptions.parse("--connect", "172.18.0.2:47500, 172.18.0.3:47500", "--seconds", "3");
        assertEquals(List.of("172.18.0.2:47500", "172.18.0.3:47500"), options.connectTo());
        assertEquals(3, options.seconds());
    }

    @Test
    void tlsNamesTheCertificateDirectoryToConnectWith() {
        JobOptions options = JobOptions.parse("--connect", "172.18.0.2:47500", "--tls", "docker/certs");
        assertEquals(Path.of("docker/certs"), options.tls());
        assertEquals(null, JobOptions.parse("--connect", "172.18.0.2:47500").tls());
    }

    @Test
    void tlsWithoutConnectIsRefusedAsTheEmbeddedClusterIsPlain() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> JobOptions.parse("--tls", "certs"));
        assertTrue(error.getMessage().contains("--tls goes with --connect"), error.getMessage());
    }

    @Test
    void dashboardTakesAPortAndIsOffUnlessAskedFor() {
        assertEquals(8787, JobOptions.parse("--dashboard", "8787").dashboardPort());
        assertEquals(0, JobOptions.parse("--dashboard", "0").dashboardPort(), "0: any free port");
        assertEquals(null, JobOptions.parse().dashboardPort());
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> JobOptions.parse("--dashboard", "70000"));
        assertTrue(error.getMessage().contains("port number"), error.getMessage());
    }

    @Test
    void badOptionsSayWhatIsExpected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> JobOptions.parse("--seconds", "x"));
        assertTrue(error.getMessage().contains("positive whole number"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> JobOptions.parse("--bogus"));
    }
}
