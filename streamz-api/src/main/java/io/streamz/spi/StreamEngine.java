package io.streamz.spi;

import io.streamz.Source;
import io.streamz.Stream;
import io.streamz.TextFileOptions;
import io.streamz.time.Scheduler;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What an engine (streamz-local) provides to the static factories of {@link Stream}. Found with
 * {@link java.util.ServiceLoader}; implementations need a public no-argument constructor.
 */
public interface StreamEngine {
    <T> Stream<T> create(String name, Scheduler scheduler);

    <T> Source<T> fromIterable(Iterable<T> items, Scheduler scheduler);

    Source<String> fromTextFile(Path file, TextFileOptions options, Scheduler scheduler);

    Source<Path> filenames(String globOrDir, Duration pollInterval, Scheduler scheduler);
}
