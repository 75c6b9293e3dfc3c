package io.streamz.benchmarks.scaleout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScaleOutOptionsTest {
    @Test
    void withoutOptionsItMeasuresOneTwoAndThreeHalfCpuServers() {
        ScaleOutOptions options = ScaleOutOptions.parse();

        assertEquals(new ScaleOutOptions(List.of(1, 2, 3), 0.5, Duration.ofSeconds(40), Duration.ofSeconds(30), 1, 1000,
                1024, 32, Path.of("docker/certs"), "streamz/ignite-server:latest", Path.of("docs")), options);
    }

    @Test
    void everyOptionSetsItsField() {
        ScaleOutOptions options = ScaleOutOptions.parse("--servers", "1, 4", "--cpus", "0.75", "--warmup", "5",
                "--seconds", "8", "--work-ms", "2.5", "--keys", "10", "--buffer", "64", "--server-threads", "8",
                "--tls", "/certs", "--image", "img:1", "--out", "/tmp/out");

        assertEquals(new ScaleOutOptions(List.of(1, 4), 0.75, Duration.ofSeconds(5), Duration.ofSeconds(8), 2.5, 10, 64,
                8, Path.of("/certs"), "img:1", Path.of("/tmp/out")), options);
    }

    @Test
    void aBadValueIsRefusedNamingTheOptionAndTheUsage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScaleOutOptions.parse("--cpus", "0"));
        assertTrue(e.getMessage().startsWith("--cpus needs a positive number, was 0\nusage: "), e.getMessage());
    }

    @Test
    void anUnknownOptionOrAMissingValueIsRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ScaleOutOptions.parse("--nodes", "3"))
                .getMessage().startsWith("unknown option --nodes"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ScaleOutOptions.parse("--servers"))
                .getMessage().startsWith("--servers needs a value"));
    }
}
