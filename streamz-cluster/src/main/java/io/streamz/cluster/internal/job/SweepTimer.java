package io.streamz.cluster.internal.job;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The clock and the timer thread of a {@link WatchSweeper}: a seam, so that a test can run the
 * sweeps itself on a clock it moves, without sleeping.
 */
interface SweepTimer {
    /** The time now, in nanoseconds on an arbitrary origin, as {@link System#nanoTime()}; any thread. */
    long nanoTime();

    /** Runs {@code sweep} once on the timer thread, {@code delayNanos} from now; any thread. */
    void schedule(Runnable sweep, long delayNanos);

    /** The real clock and one daemon thread per JVM, {@code streamz-task-timeout}, made on first use. */
    static SweepTimer onThread() {
        return OnThread.INSTANCE;
    }

    /** One daemon thread with a delay queue; a sweep that throws is lost, which {@link WatchSweeper} prevents. */
    final class OnThread implements SweepTimer {
        private static final OnThread INSTANCE = new OnThread();

        private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "streamz-task-timeout");
            thread.setDaemon(true);
            return thread;
        });

        private OnThread() {
        }

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void schedule(Runnable sweep, long delayNanos) {
            timer.schedule(sweep, delayNanos, TimeUnit.NANOSECONDS);
        }

        @Override
        public String toString() {
            return "the task timeout's timer thread (streamz-task-timeout)";
        }
    }
}
