package io.streamz.time;

import java.time.Duration;
import java.util.PriorityQueue;

/**
 * A scheduler whose time moves only when {@link #advance(Duration)} is called, so time-based tests
 * are fast and deterministic. Due tasks run in the thread that calls {@code advance}, in order of
 * due time, then of scheduling; tasks they schedule within the advanced span run too.
 */
public final class VirtualScheduler implements Scheduler {
    private final PriorityQueue<Entry> queue = new PriorityQueue<>();
    private long now;
    private long sequence;

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public synchronized Task schedule(Duration delay, Runnable task) {
        Entry entry = new Entry(now + Math.max(0, delay.toNanos()), sequence++, task);
        queue.add(entry);
        return () -> entry.cancelled = true;
    }

    /** Moves time forward by {@code span}, running every task that falls due on the way. */
    public void advance(Duration span) {
        if (span.isNegative()) {
            throw new IllegalArgumentException("time cannot go backwards: span was " + span);
        }
        long target;
        synchronized (this) {
            target = now + span.toNanos();
        }
        while (true) {
            Entry next;
            synchronized (this) {
                next = queue.peek();
                if (next == null || next.due > target) {
                    now = target;
                    return;
                }
                queue.poll();
                now = next.due;
            }
            if (!next.cancelled) {
                next.task.run();
            }
        }
    }

    /** How many tasks wait to run (cancelled ones included until their time comes). */
    public synchronized int pendingTasks() {
        return queue.size();
    }

    @Override
    public synchronized String toString() {
        return "VirtualScheduler[now=" + Duration.ofNanos(now) + ", pending=" + queue.size() + "]";
    }

    private static final class Entry implements Comparable<Entry> {
        final long due;
        final long order;
        final Runnable task;
        volatile boolean cancelled;

        Entry(long due, long order, Runnable task) {
            this.due = due;
            this.order = order;
            this.task = task;
        }

        @Override
        public int compareTo(Entry other) {
            int byDue = Long.compare(due, other.due);
            return byDue != 0 ? byDue : Long.compare(order, other.order);
        }
    }
}
