package io.streamz.docker;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * TLS material made the way users make it, by {@code scripts/make-certs.sh}, in temporary directories removed when
 * the test JVM exits. {@link #cluster()} is made once per JVM and shared by every {@link DockerCluster}.
 */
final class TestCertificates {

    private static Path cluster;

    private TestCertificates() {
    }

    /** The material of the test clusters: their CA, server and client key pairs. */
    static synchronized Path cluster() {
        if (cluster == null)
            cluster = make("streamz-it-tls-");
        return cluster;
    }

    /** Material of a CA of its own, which the test clusters do not trust: an outsider's. */
    static Path ofAnotherCa() {
        return make("streamz-it-other-ca-");
    }

    private static Path make(String prefix) {
        Path script = Path.of(System.getProperty("streamz.make.certs", "scripts/make-certs.sh"));
        try {
            Path parent = Files.createTempDirectory(prefix);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(parent), "delete-" + prefix));
            Path dir = parent.resolve("certs");
            Process process = new ProcessBuilder(script.toString(), dir.toString()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0)
                fail(script + " " + dir + " failed:\n" + output);
            return dir;
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not run " + script, e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making certificates", e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (IOException e) {
            System.err.println("Could not delete " + dir + ": " + e);
        }
    }
}
