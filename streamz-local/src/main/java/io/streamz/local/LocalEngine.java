package io.streamz.local;

import io.streamz.Source;
import io.streamz.Stream;
import io.streamz.TextFileOptions;
import io.streamz.local.core.SourceNode;
import io.streamz.spi.StreamEngine;
import io.streamz.time.Scheduler;

import java.nio.file.Path;
import java.time.Duration;

/** The local engine, found by {@link java.util.ServiceLoader} from {@code Stream.create()}. */
public final class LocalEngine implements StreamEngine {
    @Override
    public <T> Stream<T> create(String name, Scheduler scheduler) {
        return new SourceNode<>(name, scheduler);
    }

    @Override
    public <T> Source<T> fromIterable(Iterable<T> items, Scheduler scheduler) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public Source<String> fromTextFile(Path file, TextFileOptions options, Scheduler scheduler) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public Source<Path> filenames(String globOrDir, Duration pollInterval, Scheduler scheduler) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
