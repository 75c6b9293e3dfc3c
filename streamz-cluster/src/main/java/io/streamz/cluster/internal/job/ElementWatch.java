package io.streamz.cluster.internal.job;

import io.streamz.cluster.ClusterTaskTimeoutException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteLogger;

/**
 * Holds each element of one job to the task timeout, on the server that runs the job. The limit is
 * per element, not per task: a batch of many cheap elements may take longer than the timeout as a
 * whole (micro-batching fills a task with about a millisecond of measured work, but a function can
 * slow down after it was measured), and only the element that overruns fails; the others of its batch
 * keep their results. The driver sets no Ignite task timeout ({@code withTimeout}), not even as a
 * backstop: it covers the whole batch, and it counts from the moment the task is sent, so it would
 * also fail tasks that merely waited in the server's queue behind slow ones. Its cancellation would
 * also look like a stopping node's (see {@link Interruption}), and a timed-out element must not be
 * run again: here it simply fails.
 *
 * <p>One timer thread per server JVM checks the running jobs, all in one sweep at a short period
 * ({@link WatchSweeper}: a twentieth of the shortest timeout, between 1 ms and 100 ms); the job's
 * thread only registers its watch, notes when each element starts and ends, and removes the watch,
 * waking no other thread. An element that runs longer than the timeout gets its thread interrupted
 * at most one period after the timeout (plus the delay of a loaded machine) and fails with
 * {@link TaskLimit#overran()} (its result is discarded even if the function returned), and the job
 * goes on with the next element. A function that is still running a grace period after the
 * interrupt (seen at the next sweep) ignores it, and no JVM library can stop a thread that does: the
 * watch then gives the job up. It runs {@code onAbandon} (an accumulate records its elements as
 * failed), tells the driver, which fails the task's elements at once, and when the function returns
 * at last the job discards everything and ends, writing nothing, with one line in the server's log.
 * Meanwhile the thread stays busy.
 *
 * <p>An element's start and end take no lock: the job's thread publishes which element runs, and
 * takes the element's verdict back, in one atomic word, which a sweep changes only by a
 * compare-and-set naming that very element. Only a verdict other than in time costs a lock, so that
 * the job's thread clears an interrupt only once the sweep has delivered it.
 */
final class ElementWatch implements AutoCloseable {
    private enum Verdict { IN_TIME, INTERRUPTED, ABANDONED }

    private static final Verdict[] VERDICTS = Verdict.values();
    /** The low bits of {@link #state}: the verdict on the element running. */
    private static final long VERDICT_MASK = 0b11;
    /** The bit of {@link #state} set while an element runs; the element's number is above it. */
    private static final long RUNNING = 0b100;
    private static final int NUMBER_SHIFT = 3;
    private static final VarHandle STATE;
    private static final VarHandle STARTED_AT;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            STATE = lookup.findVarHandle(ElementWatch.class, "state", long.class);
            STARTED_AT = lookup.findVarHandle(ElementWatch.class, "startedAt", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The user function applied to one element; throws whatever the function throws. */
    interface Call {
        void run() throws Exception;
    }

    private final WatchSweeper sweeper;
    private final TaskLimit limit;
    private final Ignite ignite;
    private final Runnable onAbandon;
    private final Thread thread = Thread.currentThread();
    /**
     * Which element runs and the verdict on it: the element's number (counted by the job's thread) above
     * {@link #RUNNING}, set while it runs, above the verdict's two bits; 0 before the first element.
     */
    private volatile long state;
    /** When the element running started, on the sweeper's clock; read and written through STARTED_AT. */
    @SuppressWarnings("unused")
    private long startedAt;
    /** Elements begun, on the job's thread only. */
    private long elements;
    /** Guarded by this. */
    private boolean closed;

    private ElementWatch(WatchSweeper sweeper, TaskLimit limit, Ignite ignite, Runnable onAbandon) {
        this.sweeper = sweeper;
        this.limit = limit;
        this.ignite = ignite;
        this.onAbandon = onAbandon;
    }

    /**
     * Starts watching the elements that the calling thread, the job's, will apply. {@code onAbandon}
     * runs on a thread of its own, while the function that ignored the interrupt still runs, before
     * the driver is told.
     */
    static ElementWatch start(TaskLimit limit, Ignite ignite, Runnable onAbandon) {
        return start(WatchSweeper.shared(), limit, ignite, onAbandon);
    }

    /** As the other {@code start}, checked by {@code sweeper}. */
    static ElementWatch start(WatchSweeper sweeper, TaskLimit limit, Ignite ignite, Runnable onAbandon) {
        ElementWatch watch = new ElementWatch(sweeper, limit, ignite, onAbandon);
        sweeper.register(watch);
        return watch;
    }

    /**
     * Applies the function to element {@code i} ({@code call}, which records its outcome in
     * {@code out}) within the timeout. Returns whether that outcome stands; otherwise the element
     * failed, and {@code out} holds its exception or its timeout.
     *
     * @throws ClusterTaskTimeoutException when the function ignored the interrupt: the driver failed
     *                                     the task already, so the job must write nothing and end
     * @throws org.apache.ignite.IgniteInterruptedException when the job was cancelled (see {@link Interruption})
     */
    boolean apply(int i, Outcomes out, Call call) {
        begin();
        Throwable error = null;
        try {
            call.run();
        } catch (VirtualMachineError fatal) {
            end();
            throw fatal;
        } catch (Throwable e) {
            error = e;
        }
        switch (end()) {
            case ABANDONED -> {
                long ran = sweeper.nanoTime() - (long) STARTED_AT.getOpaque(this);
                ignite.log().getLogger(ElementWatch.class).warning(limit + ": the function returned "
                        + TimeUnit.NANOSECONDS.toMillis(ran) + " ms after it started, having ignored the interrupt;"
                        + " its task had failed already, so its result is discarded");
                throw limit.ignoredInterrupt();
            }
            case INTERRUPTED -> {
                out.timedOut(i, error == null, limit.overran());
                return false;
            }
            default -> {
                if (error == null) {
                    return true;
                }
                Interruption.abortIfInterrupted(error);
                out.failed(i, error);
                return false;
            }
        }
    }

    /** The next element starts; on the job's thread. */
    private void begin() {
        elements++;
        STARTED_AT.setOpaque(this, sweeper.nanoTime());
        // Publishes the start time with the element (a sweep reads them in the other order).
        STATE.setRelease(this, (elements << NUMBER_SHIFT) | RUNNING | Verdict.IN_TIME.ordinal());
    }

    /** The element's function returned or threw: its verdict, with this watch's interrupt cleared. */
    private Verdict end() {
        long was = (long) STATE.getAndSet(this, elements << NUMBER_SHIFT);
        Verdict verdict = VERDICTS[(int) (was & VERDICT_MASK)];
        if (verdict != Verdict.IN_TIME) {
            // The sweep that gave the verdict interrupts under this lock: once in, the interrupt is there to clear.
            synchronized (this) {
                Thread.interrupted();
            }
        }
        return verdict;
    }

    TaskLimit limit() {
        return limit;
    }

    /**
     * On the timer thread, at each sweep: interrupts the element that has run past the timeout
     * ({@code now} on the sweeper's clock), gives it up when it is still running after the grace period.
     */
    synchronized void check(long now) {
        long seen = (long) STATE.getAcquire(this);
        Verdict verdict = VERDICTS[(int) (seen & VERDICT_MASK)];
        if (closed || (seen & RUNNING) == 0 || verdict == Verdict.ABANDONED) {
            return;
        }
        // Maybe a later element's start: then that element is running now and the compare-and-set fails.
        long ran = now - (long) STARTED_AT.getOpaque(this);
        if (verdict == Verdict.IN_TIME) {
            if (ran >= limit.nanos() && judge(seen, Verdict.INTERRUPTED)) {
                thread.interrupt();
            }
        } else if (ran >= limit.nanos() + limit.graceNanos() && judge(seen, Verdict.ABANDONED)) {
            abandon();
        }
    }

    /** Gives the element {@code seen} says runs the verdict {@code verdict}, unless it has ended meanwhile. */
    private boolean judge(long seen, Verdict verdict) {
        return STATE.compareAndSet(this, seen, (seen & ~VERDICT_MASK) | verdict.ordinal());
    }

    /** Off the timer thread: {@code onAbandon} may write to a cache, which may block. */
    private void abandon() {
        IgniteLogger log = ignite.log().getLogger(ElementWatch.class);
        Thread notice = new Thread(() -> {
            try {
                onAbandon.run();
            } catch (RuntimeException e) {
                log.warning(limit + ": could not record the elements of a task given up", e);
            }
            limit.notifyDriver(ignite);
        }, "streamz-task-timeout-notice");
        notice.setDaemon(true);
        notice.start();
    }

    /** The job ended: no more checks; on the job's thread. */
    @Override
    public void close() {
        synchronized (this) {
            // A sweep may still hold this watch in hand: it must find it closed.
            closed = true;
        }
        sweeper.remove(this);
    }

    @Override
    public synchronized String toString() {
        long now = state;
        return "the watch of a job's elements, " + limit + ", on " + thread.getName() + ": "
                + (closed ? "closed" : (now & RUNNING) != 0 ? "element running, " + VERDICTS[(int) (now & VERDICT_MASK)]
                : "between elements");
    }
}
