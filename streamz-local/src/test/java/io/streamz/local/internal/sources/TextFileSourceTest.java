package io.streamz.local.internal.sources;

import io.streamz.Source;
import io.streamz.TextFileOptions;
import io.streamz.local.LocalEngine;
import io.streamz.local.testsupport.Await;
import io.streamz.local.testsupport.ReportedErrors;
import io.streamz.time.VirtualScheduler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextFileSourceTest {
    private static final Duration POLL = Duration.ofMillis(100);

    @TempDir
    Path dir;
    private final VirtualScheduler clock = new VirtualScheduler();

    private Source<String> follow(Path file, TextFileOptions options) {
        return new LocalEngine().fromTextFile(file, options, clock);
    }

    private Path file(String content) throws IOException {
        return Files.writeString(dir.resolve("data.txt"), content);
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardOpenOption.APPEND);
    }

    /** Lets the next poll run and waits for what it emitted. */
    private void nextPoll(Source<String> source) {
        clock.advance(POLL);
        Await.drained(source);
    }

    @Test
    void emitsEachLineWithoutItsDelimiterFromTheStart() throws IOException {
        Source<String> source = follow(file("a\nb\nc\n"), TextFileOptions.defaults());
        List<String> lines = source.sinkToList();
        source.start();
        Await.drained(source);
        assertEquals(List.of("a", "b", "c"), lines);
    }

    @Test
    void followsAppendedLinesLikeTailF() throws IOException {
        Path file = file("a\n");
        Source<String> source = follow(file, TextFileOptions.defaults());
        List<String> lines = source.sinkToList();
        source.start();
        Await.drained(source);
        append(file, "b\nc\n");
        assertEquals(List.of("a"), lines, "appended data is read at the next poll");
        nextPoll(source);
        assertEquals(List.of("a", "b", "c"), lines);
    }

    @Test
    void aPartialLastLineWaitsForItsDelimiter() throws IOException {
        Path file = file("a\nb");
        Source<String> source = follow(file, TextFileOptions.defaults());
        List<String> lines = source.sinkToList();
        source.start();
        Await.drained(source);
        assertEquals(List.of("a"), lines);
        append(file, "c");
        nextPoll(source);
        assertEquals(List.of("a"), lines);
        append(file, "\n");
        nextPoll(source);
        assertEquals(List.of("a", "bc"), lines);
    }

    @Test
    void splitsOnAnyDelimiter() throws IOException {
        Source<String> source = follow(file("1||2||||3||4"), TextFileOptions.defaults().withDelimiter("||"));
        List<String> parts = source.sinkToList();
        source.start();
        Await.drained(source);
        assertEquals(List.of("1", "2", "", "3"), parts);
    }

    @Test
    void fromTheEndEmitsOnlyWhatIsAppended() throws IOException {
        Path file = file("old\n");
        Source<String> source = follow(file, TextFileOptions.defaults().withFromEnd(true));
        List<String> lines = source.sinkToList();
        append(file, "new\n");
        source.start();
        Await.drained(source);
        assertEquals(List.of("new"), lines);
    }

    @Test
    void windowsLineEndsGiveTheSameLines() throws IOException {
        Source<String> source = follow(file("a\r\nb\r\n"), TextFileOptions.defaults());
        List<String> lines = source.sinkToList();
        source.start();
        Await.drained(source);
        assertEquals(List.of("a", "b"), lines);
    }

    @Test
    void decodesUtf8AcrossReadBoundaries() throws IOException {
        String longLine = "é".repeat(50_000);  // 100 000 bytes: more than one read
        Source<String> source = follow(file(longLine + "\nü\n"), TextFileOptions.defaults());
        List<String> lines = source.sinkToList();
        source.start();
        Await.drained(source);
        assertEquals(List.of(longLine, "ü"), lines);
    }

    @Test
    void aTruncatedFileIsReadAgainFromItsBeginning() throws IOException {
        Path file = file("a\nb\n");
        Source<String> source = follow(file, TextFileOptions.defaults());
        List<String> lines = source.sinkToList();
        source.start();
        Await.drained(source);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(0);
        }
        append(file, "c\n");
        nextPoll(source);
        assertEquals(List.of("a", "b", "c"), lines);
    }

    @Test
    void stopPausesAndStartGoesOnWhereItStopped() throws IOException {
        Path file = file("a\nb\nc\n");
        Source<String> source = follow(file, TextFileOptions.defaults());
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        source.sink(line -> {
            lines.add(line);
            if (line.equals("a")) {
                source.stop();
            }
        });
        source.start();
        Await.drained(source);
        append(file, "d\n");
        clock.advance(POLL.multipliedBy(5));
        assertEquals(List.of("a"), lines, "a stopped source does not poll");
        source.start();
        Await.drained(source);
        assertEquals(List.of("a", "b", "c", "d"), lines);
    }

    @Test
    void aDownstreamExceptionIsReportedAndTheSourceGoesOn() throws IOException {
        try (ReportedErrors errors = ReportedErrors.install()) {
            Source<String> source = follow(file("5\nx\n2\n"), TextFileOptions.defaults());
            List<Integer> numbers = source.map(Integer::valueOf).sinkToList();
            source.start();
            Await.drained(source);
            assertEquals(List.of(5, 2), numbers);
            assertInstanceOf(NumberFormatException.class, errors.errors().get(0));
            assertTrue(source.isRunning());
        }
    }

    @Test
    void aMissingFileFailsWhenBuilt() {
        Path missing = dir.resolve("missing.txt");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> follow(missing, TextFileOptions.defaults()));
        assertTrue(error.getMessage().contains("does not exist"), error.getMessage());
    }

    @Test
    void toStringShowsTheFile() throws IOException {
        Path file = file("");
        assertEquals("<from_textfile: " + file + ">", follow(file, TextFileOptions.defaults()).toString());
    }
}
