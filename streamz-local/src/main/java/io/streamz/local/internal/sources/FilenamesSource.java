package io.streamz.local.internal.sources;

import io.streamz.time.Scheduler;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code Stream.filenames} (streamz's {@code filenames}): every {@code pollInterval} lists the paths
 * matching a glob ({@code data/*.csv}) or in a directory, and emits each path not seen before, in
 * sorted order, once: a file deleted and created again is not emitted again. Python's glob rules
 * apply (see {@link Glob}): hidden files are left out, and directories match like files. Emission
 * runs on a worker thread and waits for downstream's acceptance; a path not emitted because the
 * source was stopped is emitted after the next start.
 */
public final class FilenamesSource extends AbstractSource<Path> {
    private final Glob glob;
    private final Set<Path> seen = new HashSet<>();

    public FilenamesSource(String globOrDir, Duration pollInterval, Scheduler scheduler) {
        super(scheduler, pollInterval);
        this.glob = new Glob(globOrDir);
    }

    @Override
    protected boolean poll() throws IOException {
        for (Path path : glob.matches()) {
            if (!isRunning()) {
                break;
            }
            if (seen.add(path)) {
                emitElement(path);
            }
        }
        return true;
    }

    @Override
    protected String operatorName() {
        return "filenames";
    }

    @Override
    protected String describeArgument() {
        return glob.toString();
    }
}
