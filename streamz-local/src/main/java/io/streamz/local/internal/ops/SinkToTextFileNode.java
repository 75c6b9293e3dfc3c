package io.streamz.local.internal.ops;

import io.streamz.local.internal.core.Node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;

/**
 * {@code sink_to_textfile}: writes each element's {@code toString()} ({@code "null"} for null) as one
 * line ending in {@code \n}, UTF-8, flushed after each, so a reader of the file sees every accepted
 * element. The file is opened when the sink is built, appending to what it holds (streamz's default
 * mode {@code "a"}), and closed by {@link #destroy()}.
 *
 * <p>One element at a time under this node's lock, on the emitting thread; {@code emit} returns once
 * the line is flushed. A write error reaches the {@code emit} caller as an
 * {@link UncheckedIOException}. Emits nothing downstream.
 *
 * @param <T> element type
 */
final class SinkToTextFileNode<T> extends Node<T> {
    private final Object lock = new Object();
    private final Path file;
    private final Writer writer;

    /** @throws UncheckedIOException when {@code file} cannot be opened for appending */
    SinkToTextFileNode(Node<T> upstream, Path file) {
        super(upstream.scheduler());
        this.file = file;
        try {
            this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file + " to append lines to it: " + e.getMessage()
                    + " (check that its directory exists and is writable)", e);
        }
        upstream.connect(this);
    }

    @Override
    public CompletableFuture<?> update(Object x, Node<?> from) {
        synchronized (lock) {
            try {
                writer.write(String.valueOf(x));
                writer.write('\n');
                writer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write to " + file + ": " + e.getMessage(), e);
            }
        }
        return null;
    }

    /** @throws UncheckedIOException when closing the file fails */
    @Override
    protected void release() {
        synchronized (lock) {
            try {
                writer.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close " + file + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    protected String operatorName() {
        return "sink_to_textfile";
    }

    @Override
    protected String describeArgument() {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }
}
