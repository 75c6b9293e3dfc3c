package io.streamz.local.internal.sources;

import io.streamz.Source;
import io.streamz.local.internal.core.Futures;
import io.streamz.local.internal.core.HeldCount;
import io.streamz.local.internal.core.Node;
import io.streamz.local.internal.core.WorkerThreads;
import io.streamz.spi.StreamEngines;
import io.streamz.time.Scheduler;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * What the sources share: {@link #start()}/{@link #stop()}, runs of {@link #poll()} on a worker
 * thread (one at a time), the next run {@code pollInterval} later on the stream's scheduler (the
 * timer task only hands the run to a worker), and emission that waits for downstream's acceptance
 * (back pressure) and gives downstream exceptions to the error handler, then goes on.
 *
 * <p>{@link #idle()} is complete while no run is in progress, so {@code source.drain()} after
 * {@code start()} or after advancing a virtual clock waits for the run and what it emitted.
 *
 * <p>Public so that sources in other modules ({@code streamz-kafka}) are built the same way.
 *
 * @param <T> element type
 */
public abstract class AbstractSource<T> extends Node<T> implements Source<T> {
    private final Duration pollInterval;
    private final HeldCount runs = new HeldCount();
    private volatile boolean running;
    /** Whether a run is queued or in progress; that run schedules the next one. */
    private boolean runPending;
    private Scheduler.Task timer;

    protected AbstractSource(Scheduler scheduler, Duration pollInterval) {
        super(scheduler);
        this.pollInterval = pollInterval;
    }

    /**
     * Emits what is available now, checking {@link #isRunning()} between elements.
     *
     * @return {@code false} when the source has run out for good, else {@code true} (poll again later)
     */
    protected abstract boolean poll() throws Exception;

    @Override
    public final synchronized Source<T> start() {
        checkAlive();
        if (!running) {
            running = true;
            submitRun();
        }
        return this;
    }

    @Override
    public final synchronized void stop() {
        running = false;
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    @Override
    public final boolean isRunning() {
        return running;
    }

    /** Emits {@code x} and waits until downstream accepted it; a downstream failure is reported. */
    protected final void emitElement(T x) {
        try {
            Futures.await(emitDownstream(x));
        } catch (RuntimeException | Error e) {
            StreamEngines.report(this, e);
        }
    }

    @Override
    public final CompletableFuture<?> update(Object x, Node<?> from) {
        return emitDownstream(x);
    }

    @Override
    protected final CompletableFuture<Void> idle() {
        return runs.idle();
    }

    @Override
    protected void release() {
        stop();
    }

    private void submitRun() {
        if (!runPending) {
            runPending = true;
            runs.add(1);
            WorkerThreads.execute(this::run);
        }
    }

    private void run() {
        boolean more = true;
        try {
            more = poll();
        } catch (Exception | Error e) {
            if (!isDestroyed()) {
                StreamEngines.report(this, e);
            }
        }
        synchronized (this) {
            runPending = false;
            if (!more) {
                running = false;
            } else if (running) {
                timer = scheduler().schedule(pollInterval, this::onTimer);
            }
        }
        runs.remove(1);
    }

    private synchronized void onTimer() {
        timer = null;
        if (running) {
            submitRun();
        }
    }
}
