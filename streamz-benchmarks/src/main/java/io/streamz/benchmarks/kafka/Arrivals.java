package io.streamz.benchmarks.kafka;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the records a pipeline finished (written and acknowledged) and lets the main thread wait
 * for a total. {@link #add} on any thread.
 */
final class Arrivals {
    private final AtomicLong count = new AtomicLong();
    private final Object lock = new Object();
    private volatile long target = Long.MAX_VALUE;

    /** {@code n} more records are done. */
    void add(long n) {
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
