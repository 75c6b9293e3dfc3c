package io.streamz.local.internal.ops;

import io.streamz.local.internal.core.Node;
import io.streamz.local.internal.core.Refs;
import io.streamz.local.internal.core.Worker;
import io.streamz.time.Scheduler;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code timed_window(interval)}: every {@code interval}, counted from when the node is built, emits
 * the elements that arrived since the last window as an unmodifiable {@code List} (an empty one
 * too). Windows go downstream on this node's worker, in order; while one is still on its way, new
 * elements' emitters wait for it (streamz returns the last window's future from {@code update}), so a
 * slow downstream slows the source instead of piling up windows. Downstream exceptions go to the
 * error handler.
 *
 * <p>Unlike streamz 0.6.4, no empty window is emitted the moment the node is built: streamz's loop
 * emits before sleeping, but a Java node has no downstream yet at that moment.
 */
final class TimedWindowNode<T> extends Node<List<T>> {
    private final Duration interval;
    private final long start;
    private final Worker worker = new Worker(this);
    private List<Object> current = new ArrayList<>();
    /** The references of the elements in {@link #current}. */
    private Refs currentRefs;
    /** Completes once the last window has been emitted: what new elements' emitters wait for. */
    private CompletableFuture<Void> lastWindow;
    private long windows;
    private Scheduler.Task timer;

    TimedWindowNode(Node<T> upstream, Duration interval) {
        super(upstream.scheduler());
        this.interval = interval;
        synchronized (this) {
            this.start = scheduler().nanoTime();
            this.timer = scheduler().schedule(interval, this::emitWindow);
        }
        upstream.connect(this);
    }

    @Override
    public synchronized CompletableFuture<?> update(Object x, Node<?> from) {
        checkAlive();
        current.add(x);
        currentRefs = Refs.merge(currentRefs, Refs.retainCurrent());
        worker.hold(1);
        return lastWindow == null || lastWindow.isDone() ? null : lastWindow;
    }

    /** Timer task: hands the window to the worker and schedules the next one. */
    private synchronized void emitWindow() {
        if (isDestroyed()) {
            return;
        }
        List<Object> window = Collections.unmodifiableList(current);
        current = new ArrayList<>();
        Refs windowRefs = currentRefs;
        currentRefs = null;
        lastWindow = new CompletableFuture<>();
        worker.submit(window, window.size(), lastWindow, Worker.FailureRoute.REPORTED, windowRefs);
        // Fixed rate from the start; a tick the timer missed is skipped rather than emitted late.
        long now = scheduler().nanoTime();
        long intervalNanos = interval.toNanos();
        windows = Math.max(windows + 1, (now - start) / intervalNanos);
        timer = scheduler().schedule(Duration.ofNanos(start + (windows + 1) * intervalNanos - now), this::emitWindow);
    }

    @Override
    protected synchronized void release() {
        timer.cancel();
        current.clear();
        worker.stop();
    }

    @Override
    protected String operatorName() {
        return "timed_window";
    }

    @Override
    protected String describeArgument() {
        return Intervals.seconds(interval);
    }
}
