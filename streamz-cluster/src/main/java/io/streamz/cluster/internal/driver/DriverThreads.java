package io.streamz.cluster.internal.driver;

import java.lang.ref.Cleaner;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The driver's own threads of one cluster: the callback pool that completions run on (never Ignite's
 * threads), the timer of timeouts, checks and retries, and the cleaner that acts once a holder is
 * garbage. All daemon threads, named after the cluster's instance number. Thread-safe.
 */
final class DriverThreads {
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final String prefix;
    private final CallbackPool callbacks;
    private final ScheduledThreadPoolExecutor timer;
    private final Cleaner cleaner;

    DriverThreads() {
        this.prefix = "streamz-cluster-" + INSTANCES.incrementAndGet();
        this.callbacks = new CallbackPool(daemon(prefix + "-callback-"));
        this.timer = new ScheduledThreadPoolExecutor(1, daemon(prefix + "-timer-"));
        this.timer.setRemoveOnCancelPolicy(true);
        this.cleaner = Cleaner.create(daemon(prefix + "-cleaner-"));
    }

    /** Runs {@code task} on a callback thread (on the caller's once these threads are shut down). */
    void execute(Runnable task) {
        callbacks.runElsewhere(task);
    }

    /**
     * Runs {@code task} on this callback thread right after its current callback, when this is a
     * callback thread that left no task yet (see {@link CallbackPool}), else as {@link #execute}.
     */
    void executeNext(Runnable task) {
        if (!callbacks.runNext(task)) {
            execute(task);
        }
    }

    /** The callback pool as an executor, for {@code CompletableFuture}'s async methods. */
    Executor callbacks() {
        return callbacks;
    }

    /**
     * Runs {@code task} on the timer thread after {@code delayNanos} (at once if not positive), or now
     * on the caller's thread once the timer is shut down.
     *
     * @return the scheduled run, to cancel; {@code null} when it ran at once on the caller's thread
     */
    ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
        try {
            return timer.schedule(task, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException shutDown) {
            task.run();
            return null;
        }
    }

    /** Runs {@code action} on the cleaner thread once {@code holder} is garbage; {@code action} must not hold it. */
    void whenGarbage(Object holder, Runnable action) {
        cleaner.register(holder, action);
    }

    /** Stops the timer and lets the callback pool end once idle; after the client node stopped, so late completions still run. */
    void shutdown() {
        timer.shutdownNow();
        callbacks.shutdown();
    }

    @Override
    public String toString() {
        return "DriverThreads[" + prefix + "]";
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
