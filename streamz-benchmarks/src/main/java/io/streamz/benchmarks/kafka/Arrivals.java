package io.streamz.benchmarks.kafka;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the records a pipeline finished (written and acknowledged) and lets the main thread wait
 * for a total; notes when the first and the last records of a round were done, so that a round's
 * time splits into the wait for its first records (start costs) and the flow. {@link #add} on any
 * thread.
 */
final class Arrivals {
    private final AtomicLong count = new AtomicLong();
    private final Object lock = new Object();
    private volatile long target = Long.MAX_VALUE;
    private final AtomicLong firstDone = new AtomicLong();
    private volatile long lastDone;

    /** A round starts: the first and last records done are noted afresh from now on. */
    void newRound() {
        firstDone.set(0);
        lastDone = 0;
    }

    /** {@link System#nanoTime()} when the round's first records were done, 0 while none were. */
    long firstDone() {
        return firstDone.get();
    }

    /** {@link System#nanoTime()} when the round's last records so far were done, 0 while none were. */
    long lastDone() {
        return lastDone;
    }

    /** {@code n} more records are done. */
    void add(long n) {
        long now = System.nanoTime();
        firstDone.compareAndSet(0, now);
        lastDone = now; // racy between adders by a few nanoseconds at most: good enough for milliseconds
        if (count.addAndGet(n) >= target) {
            synchronized (lock) {
                lock.notifyAll();
            }
        }
    }

    long count() {
        return count.get();
    }

    /**
     * Waits until {@code total} records are done.
     *
     * @throws IllegalStateException when they are not within {@code timeout}, saying how many came
     */
    void await(long total, Duration timeout) throws InterruptedException {
        target = total;
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (count.get() < total) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("only " + count.get() + " of " + total + " records within " + timeout);
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    @Override
    public String toString() {
        return "<arrivals: " + count.get() + ">";
    }
}
