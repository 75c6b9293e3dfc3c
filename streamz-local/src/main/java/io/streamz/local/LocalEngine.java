package io.streamz.local;

import io.streamz.Source;
import io.streamz.Stream;
import io.streamz.TextFileOptions;
import io.streamz.local.internal.core.EntryNode;
import io.streamz.local.internal.sources.FilenamesSource;
import io.streamz.local.internal.sources.IterableSource;
import io.streamz.local.internal.sources.TextFileSource;
import io.streamz.spi.Checks;
import io.streamz.spi.StreamEngine;
import io.streamz.time.Scheduler;

import java.nio.file.Path;
import java.time.Duration;

/** The local engine, found by {@link java.util.ServiceLoader} from {@code Stream.create()}. */
public final class LocalEngine implements StreamEngine {
    @Override
    public <T> Stream<T> create(String name, Scheduler scheduler) {
        return new EntryNode<>(name, scheduler);
    }

    @Override
    public <T> Source<T> fromIterable(Iterable<T> items, Scheduler scheduler) {
        return new IterableSource<>(Checks.notNull(items, "fromIterable items"), Checks.notNull(scheduler, "scheduler"));
    }

    @Override
    public Source<String> fromTextFile(Path file, TextFileOptions options, Scheduler scheduler) {
        return new TextFileSource(Checks.notNull(file, "fromTextFile file"), Checks.notNull(options, "fromTextFile options"),
                Checks.notNull(scheduler, "scheduler"));
    }

    @Override
    public Source<Path> filenames(String globOrDir, Duration pollInterval, Scheduler scheduler) {
        return new FilenamesSource(Checks.notNull(globOrDir, "filenames glob or directory"),
                Checks.positive(pollInterval, "filenames pollInterval"), Checks.notNull(scheduler, "scheduler"));
    }
}
