package io.streamz.cluster.internal.startup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The temporary Ignite work directory of a cluster started or joined from this JVM, removed on close. */
public final class WorkDirectory {
    private WorkDirectory() {
    }

    public static Path create() {
        try {
            return Files.createTempDirectory("streamz-ignite-");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a work directory for Ignite", e);
        }
    }

    /** Deletes {@code dir} and what it holds; what cannot be deleted stays (best effort). */
    public static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Best effort: a leftover temp directory is harmless.
        }
    }
}
