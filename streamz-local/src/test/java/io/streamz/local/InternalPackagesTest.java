package io.streamz.local;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** streamz-local has no API of its own (users compile against streamz-api): every package says it is internal. */
class InternalPackagesTest {
    private static final Path SOURCES = Path.of("src/main/java/io/streamz/local");

    @Test
    void everyPackageOfTheEngineSaysItIsInternal() throws IOException {
        List<Path> packages;
        try (var walk = Files.walk(SOURCES)) {
            packages = walk.filter(Files::isDirectory).collect(Collectors.toList());
        }

        for (Path dir : packages) {
            Path info = dir.resolve("package-info.java");
            assertTrue(Files.exists(info), dir + " has no package-info saying it is internal");
            assertTrue(Files.readString(info).contains("Internal, unsupported"), info + " does not say it is internal");
        }
    }
}
