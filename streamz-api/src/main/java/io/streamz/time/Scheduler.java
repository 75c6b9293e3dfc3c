package io.streamz.time;

import java.time.Duration;

/**
 * The clock and timer behind the time-based operators ({@code delay}, {@code rateLimit},
 * {@code timedWindow}, {@code partition} with a timeout) and the polling sources. Streams inherit
 * the scheduler of their first upstream; {@link io.streamz.Stream#create(String, Scheduler)} sets it
 * for a new graph. Tests pass a {@link VirtualScheduler} to make time explicit.
 */
public interface Scheduler {
    /** The current time in nanoseconds, monotonic; only differences are meaningful. */
    long nanoTime();

    /**
     * Runs {@code task} once, after {@code delay}, on a scheduler thread (the system scheduler) or in
     * the thread that advances virtual time ({@link VirtualScheduler}). Tasks due at the same time run
     * in the order they were scheduled.
     */
    Task schedule(Duration delay, Runnable task);

    /** A scheduled task that can be cancelled. */
    interface Task {
        /** Prevents the task from running if it has not started yet. */
        void cancel();
    }

    /** The wall-clock scheduler that every stream uses unless told otherwise (daemon threads). */
    static Scheduler system() {
        return SystemScheduler.INSTANCE;
    }
}
