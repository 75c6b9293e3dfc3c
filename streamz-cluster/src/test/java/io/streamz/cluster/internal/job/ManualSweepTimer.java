package io.streamz.cluster.internal.job;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A {@link SweepTimer} whose clock moves only when the test calls {@link #advanceTo}, which runs the
 * sweeps that fall due on the test's thread, in the order of their times.
 */
final class ManualSweepTimer implements SweepTimer {
    private record Pending(long due, long order, Runnable sweep) {
    }

    private final List<Pending> pending = new ArrayList<>();
    private volatile long now;
    private long scheduled;

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public synchronized void schedule(Runnable sweep, long delayNanos) {
        pending.add(new Pending(now + delayNanos, scheduled++, sweep));
    }

    /** How many sweeps were scheduled so far, run or not. */
    synchronized long scheduled() {
        return scheduled;
    }

    /** How many scheduled sweeps have not run yet. */
    synchronized int pending() {
        return pending.size();
    }

    /** Moves the clock to {@code time}, running each sweep due by then at its own time. */
    void advanceTo(long time) {
        while (true) {
            Pending next;
            synchronized (this) {
                next = pending.stream().filter(p -> p.due() <= time)
                        .min(Comparator.comparingLong(Pending::due).thenComparingLong(Pending::order)).orElse(null);
                if (next == null) {
                    break;
                }
                pending.remove(next);
                now = Math.max(now, next.due());
            }
            next.sweep().run();
        }
        now = time;
    }

    @Override
    public synchronized String toString() {
        return "a manual sweep timer at " + now + " ns with " + pending.size() + " sweeps pending";
    }
}
