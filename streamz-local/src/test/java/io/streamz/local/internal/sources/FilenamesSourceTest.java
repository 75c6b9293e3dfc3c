package io.streamz.local.internal.sources;

import io.streamz.Source;
import io.streamz.local.LocalEngine;
import io.streamz.local.testsupport.Await;
import io.streamz.time.VirtualScheduler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FilenamesSourceTest {
    private static final Duration POLL = Duration.ofMillis(100);

    @TempDir
    Path dir;
    private final VirtualScheduler clock = new VirtualScheduler();

    private Source<Path> watch(String globOrDir) {
        return new LocalEngine().filenames(globOrDir, POLL, clock);
    }

    private Path touch(String name) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "");
    }

    private void nextPoll(Source<Path> source) {
        clock.advance(POLL);
        Await.drained(source);
    }

    @Test
    void emitsTheFilesOfADirectorySorted() throws IOException {
        touch("b.csv");
        touch("a.csv");
        Source<Path> source = watch(dir.toString());
        List<Path> paths = source.sinkToList();
        source.start();
        Await.drained(source);
        assertEquals(List.of(dir.resolve("a.csv"), dir.resolve("b.csv")), paths);
    }

    @Test
    void emitsEachNewFileOnceAtTheNextPoll() throws IOException {
        touch("a.csv");
        Source<Path> source = watch(dir.toString());
        List<Path> paths = source.sinkToList();
        source.start();
        Await.drained(source);
        touch("c.csv");
        touch("b.csv");
        nextPoll(source);
        nextPoll(source);
        assertEquals(List.of(dir.resolve("a.csv"), dir.resolve("b.csv"), dir.resolve("c.csv")), paths);
    }

    @Test
    void aFileDeletedAndCreatedAgainIsNotEmittedAgain() throws IOException {
        Path a = touch("a.csv");
        Source<Path> source = watch(dir.toString());
        List<Path> paths = source.sinkToList();
        source.start();
        Await.drained(source);
        Files.delete(a);
        nextPoll(source);
        touch("a.csv");
        nextPoll(source);
        assertEquals(List.of(a), paths);
    }

    @Test
    void aGlobSelectsMatchingNamesOnly() throws IOException {
        touch("a.csv");
        touch("b.json");
        touch("sub/c.csv");
        Source<Path> source = watch(dir + "/*.csv");
        List<Path> paths = source.sinkToList();
        source.start();
        Await.drained(source);
        assertEquals(List.of(dir.resolve("a.csv")), paths);
    }

    @Test
    void wildcardsWorkInDirectoryComponentsToo() throws IOException {
        touch("2024/x.csv");
        touch("2025/x.csv");
        touch("2025/y.json");
        Source<Path> source = watch(dir + "/*/*.csv");
        List<Path> paths = source.sinkToList();
        source.start();
        Await.drained(source);
        assertEquals(List.of(dir.resolve("2024/x.csv"), dir.resolve("2025/x.csv")), paths);
    }

    @Test
    void hiddenFilesAreLeftOutAsByPythonsGlob() throws IOException {
        touch(".hidden");
        touch("shown");
        Source<Path> source = watch(dir.toString());
        List<Path> paths = source.sinkToList();
        source.start();
        Await.drained(source);
        assertEquals(List.of(dir.resolve("shown")), paths);
    }

    @Test
    void aDirectoryThatDoesNotExistYetIsWatchedUntilItDoes() throws IOException {
        Source<Path> source = watch(dir + "/later/*.csv");
        List<Path> paths = source.sinkToList();
        source.start();
        Await.drained(source);
        touch("later/a.csv");
        nextPoll(source);
        assertEquals(List.of(dir.resolve("later/a.csv")), paths);
    }

    @Test
    void aPathWithoutWildcardsIsEmittedOnceItExists() throws IOException {
        Source<Path> source = watch(dir + "/exact.csv");
        List<Path> paths = source.sinkToList();
        source.start();
        Await.drained(source);
        touch("exact.csv");
        nextPoll(source);
        assertEquals(List.of(dir.resolve("exact.csv")), paths);
    }

    @Test
    void badArgumentsFailWhenBuilt() {
        LocalEngine engine = new LocalEngine();
        assertEquals("filenames pollInterval must be a positive duration, was PT0S", assertThrows(
                IllegalArgumentException.class, () -> engine.filenames("x", Duration.ZERO, clock)).getMessage());
        assertThrows(NullPointerException.class, () -> engine.filenames(null, POLL, clock));
    }

    @Test
    void toStringShowsTheGlob() {
        assertEquals("<filenames: data/*.csv>", watch("data/*.csv").toString());
    }
}
