package io.streamz.local.internal.sources;

import io.streamz.TextFileOptions;
import io.streamz.time.Scheduler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * {@code Stream.fromTextFile} (streamz's {@code from_textfile}): follows a UTF-8 text file like
 * {@code tail -f}, emitting the parts between delimiters without the delimiter. A last part whose
 * delimiter has not been written yet waits for it. Starts at the beginning of the file, or at the
 * end it had when the source was built ({@code fromEnd}, as streamz seeks on construction); a poll
 * every {@code pollInterval} reads what was appended. A file that shrank (truncated) is read again
 * from its beginning. With the {@code "\n"} delimiter a {@code "\r"} before it is dropped too, as
 * Python's text mode reads Windows line ends. Emission runs on a worker thread and waits for
 * downstream's acceptance; {@link #stop()} pauses after the element in progress, keeping the rest.
 */
public final class TextFileSource extends AbstractSource<String> {
    private static final int CHUNK = 64 * 1024;

    private final Path file;
    private final byte[] delimiter;
    private final boolean lines;
    private final FileChannel channel;
    private final ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
    /** Complete parts read but not emitted yet (the source was stopped in the middle of a chunk). */
    private final ArrayDeque<String> parts = new ArrayDeque<>();
    /** Bytes after the last delimiter read so far. */
    private byte[] partial = new byte[0];
    private long position;

    public TextFileSource(Path file, TextFileOptions options, Scheduler scheduler) {
        super(scheduler, options.pollInterval());
        this.file = file;
        this.delimiter = options.delimiter().getBytes(StandardCharsets.UTF_8);
        this.lines = options.delimiter().equals("\n");
        try {
            this.channel = FileChannel.open(file, StandardOpenOption.READ);
            this.position = options.fromEnd() ? channel.size() : 0;
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("fromTextFile: " + file + " does not exist: create it first (it may be empty)", e);
        } catch (IOException e) {
            throw new UncheckedIOException("fromTextFile: cannot read " + file, e);
        }
    }

    @Override
    protected boolean poll() throws IOException {
        while (true) {
            while (!parts.isEmpty()) {
                if (!isRunning()) {
                    return true;
                }
                emitElement(parts.poll());
            }
            if (!isRunning() || !readChunk()) {
                return true;
            }
        }
    }

    /** Reads up to one chunk of appended bytes into {@link #parts}; {@code false} when there was nothing new. */
    private boolean readChunk() throws IOException {
        if (channel.size() < position) {
            position = 0;
            partial = new byte[0];
        }
        chunk.clear();
        int read = channel.read(chunk, position);
        if (read <= 0) {
            return false;
        }
        position += read;
        byte[] data = Arrays.copyOf(partial, partial.length + read);
        System.arraycopy(chunk.array(), 0, data, partial.length, read);
        int from = 0;
        for (int end = indexOf(data, from); end >= 0; end = indexOf(data, from)) {
            int length = end - from;
            if (lines && length > 0 && data[end - 1] == '\r') {
                length--;
            }
            parts.add(new String(data, from, length, StandardCharsets.UTF_8));
            from = end + delimiter.length;
        }
        partial = Arrays.copyOfRange(data, from, data.length);
        return true;
    }

    /** Where the delimiter starts in {@code data} at or after {@code from}, or -1. */
    private int indexOf(byte[] data, int from) {
        outer:
        for (int i = from; i <= data.length - delimiter.length; i++) {
            for (int j = 0; j < delimiter.length; j++) {
                if (data[i + j] != delimiter[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    protected void release() {
        super.release();
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing was written through this channel; a failed close loses nothing.
        }
    }

    @Override
    protected String operatorName() {
        return "from_textfile";
    }

    @Override
    protected String describeArgument() {
        return file.toString();
    }
}
