package io.streamz.local.internal.sources;

import io.streamz.spi.StreamEngines;
import io.streamz.time.Scheduler;

import java.time.Duration;
import java.util.Iterator;

/**
 * {@code Stream.fromIterable} (streamz's {@code from_iterable}): once started, emits the items one by
 * one on a worker thread, each after downstream accepted the previous one, then stops
 * ({@link #isRunning()} turns false). {@link #stop()} pauses after the item in progress and a new
 * {@link #start()} resumes with the next item; a start after the end iterates the {@code Iterable}
 * again from its beginning, as streamz does. An exception thrown by the iterator itself is reported
 * and ends the run.
 *
 * @param <T> element type
 */
public final class IterableSource<T> extends AbstractSource<T> {
    private final Iterable<? extends T> items;
    /** The iteration in progress (kept while paused), or {@code null} before a start or after the end. */
    private Iterator<? extends T> iterator;

    public IterableSource(Iterable<? extends T> items, Scheduler scheduler) {
        super(scheduler, Duration.ZERO);
        this.items = items;
    }

    @Override
    protected boolean poll() {
        if (iterator == null) {
            iterator = items.iterator();
        }
        try {
            while (isRunning()) {
                if (!iterator.hasNext()) {
                    iterator = null;
                    return false;
                }
                emitElement(iterator.next());
            }
            return true;
        } catch (RuntimeException e) {
            StreamEngines.report(this, e);
            iterator = null;
            return false;
        }
    }

    @Override
    protected String operatorName() {
        return "from_iterable";
    }
}
