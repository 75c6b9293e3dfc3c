package io.streamz.local.internal.ops;

import io.streamz.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SinkToTextFileNodeTest {
    @TempDir
    Path dir;

    @Test
    void writesEachElementAsOneLineFlushedBeforeEmitReturns() throws IOException {
        Path file = dir.resolve("out.txt");
        Stream<Integer> source = Stream.create();
        source.map(String::valueOf).sinkToTextFile(file);
        source.emit(0);
        assertEquals(List.of("0"), Files.readAllLines(file));
        source.emit(1);
        assertEquals("0\n1\n", Files.readString(file));
    }

    @Test
    void writesTheTextOfAnyElementNullToo() throws IOException {
        Path file = dir.resolve("out.txt");
        Stream<Object> source = Stream.create();
        source.sinkToTextFile(file);
        source.emit(List.of(1, 2));
        source.emit(null);
        source.emit("é");
        assertEquals(List.of("[1, 2]", "null", "é"), Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    @Test
    void appendsToAFileThatAlreadyHasLines() throws IOException {
        Path file = Files.writeString(dir.resolve("out.txt"), "before\n");
        Stream<String> source = Stream.create();
        source.sinkToTextFile(file);
        source.emit("after");
        assertEquals(List.of("before", "after"), Files.readAllLines(file));
    }

    @Test
    void destroyClosesTheFileSoAWriteAfterItFailsAsUncheckedIOException() throws IOException {
        Path file = dir.resolve("out.txt");
        Stream<String> source = Stream.create();
        Stream<String> sink = source.sinkToTextFile(file);
        source.emit("kept");
        sink.destroy();
        source.emit("not written: the sink is detached");

        source.connect(sink); // only to prove the writer was closed
        UncheckedIOException error = assertThrows(UncheckedIOException.class, () -> source.emit("x"));
        assertTrue(error.getMessage().startsWith("cannot write to " + file), error.getMessage());
        assertEquals(List.of("kept"), Files.readAllLines(file));
    }

    @Test
    void aWriteErrorReachesTheEmitCallerAsUncheckedIOException() {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.isWritable(full), "needs Linux's /dev/full, where every write fails");
        Stream<String> source = Stream.create();
        source.sinkToTextFile(full);
        UncheckedIOException error = assertThrows(UncheckedIOException.class, () -> source.emit("x"));
        assertTrue(error.getMessage().startsWith("cannot write to /dev/full"), error.getMessage());
    }

    @Test
    void aFileThatCannotBeOpenedFailsWhenTheSinkIsBuilt() {
        Path file = dir.resolve("missing-dir").resolve("out.txt");
        Stream<String> source = Stream.create();
        UncheckedIOException error = assertThrows(UncheckedIOException.class, () -> source.sinkToTextFile(file));
        assertTrue(error.getMessage().startsWith("cannot open " + file + " to append lines to it"), error.getMessage());
        assertTrue(source.downstreams().isEmpty());
        assertThrows(NullPointerException.class, () -> source.sinkToTextFile(null));
    }

    @Test
    void toStringNamesTheOperatorAndTheFile() {
        Stream<String> source = Stream.create();
        assertEquals("<sink_to_textfile: out.txt>", source.sinkToTextFile(dir.resolve("out.txt")).toString());
    }
}
