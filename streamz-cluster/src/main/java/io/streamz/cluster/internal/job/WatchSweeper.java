package io.streamz.cluster.internal.job;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Checks every open {@link ElementWatch} of a server JVM, all in one sweep on the timer thread,
 * repeated at a short period while there are watches: a job registers its watch when it starts and
 * removes it when it ends, which wakes no other thread, so steady traffic costs the timer thread
 * one wake-up per period, not one per job (a timer per job would wake it each time: its deadline
 * would be the head of an otherwise empty queue).
 *
 * <p>The period is a twentieth of the shortest task timeout among the open watches, between 1 ms
 * and 100 ms: an element is interrupted at most one period after its timeout (and given up at most
 * one period after its grace period), plus however late the loaded machine runs the timer thread.
 * A watch with a shorter timeout than the current period starts a new chain of sweeps at its own
 * period at once (the old chain ends at its next sweep), so that bound holds from its first
 * element; the period rises again only after no watch has needed the shorter one for a second.
 * After a second without open watches the sweeps stop, so an idle server does not tick; the next
 * watch starts them again.
 */
final class WatchSweeper {
    static final long MIN_PERIOD = TimeUnit.MILLISECONDS.toNanos(1);
    static final long MAX_PERIOD = TimeUnit.MILLISECONDS.toNanos(100);
    /** How long the sweeps go on without watches, and keep a short period nobody needs, before they stop or lengthen. */
    static final long IDLE = TimeUnit.SECONDS.toNanos(1);
    private static final WatchSweeper SHARED = new WatchSweeper(SweepTimer.onThread());

    private final SweepTimer timer;
    private final Set<ElementWatch> watches = ConcurrentHashMap.newKeySet();
    /** Whether a chain of sweeps is scheduled: only the registration that sets it starts one. */
    private final AtomicBoolean sweeping = new AtomicBoolean();
    /** The chain that sweeps; the sweeps of an older chain do nothing and end it. */
    private final AtomicLong chain = new AtomicLong();
    /** The period of the current chain: a registration needing a shorter one starts a new chain. */
    private volatile long period = MAX_PERIOD;
    // Read and written by the sweeps only, which all run on the timer thread.
    private boolean idle;
    private long idleSince;
    private boolean tooShort;
    private long tooShortSince;

    WatchSweeper(SweepTimer timer) {
        this.timer = timer;
    }

    /** The sweeper of this JVM's jobs, on its own timer thread. */
    static WatchSweeper shared() {
        return SHARED;
    }

    /** The time now on this sweeper's clock; any thread. */
    long nanoTime() {
        return timer.nanoTime();
    }

    /**
     * Checks {@code watch} from now on, until {@link #remove}; on the job's thread. Schedules a sweep
     * only when none is scheduled or the ones scheduled come too seldom for this watch's timeout.
     */
    void register(ElementWatch watch) {
        watches.add(watch);
        long wanted = periodFor(watch.limit());
        // After the add: a chain that stops clears the flag, then looks for watches (see sweep).
        if (!sweeping.get() && sweeping.compareAndSet(false, true)) {
            period = wanted;
            startChain(wanted);
        } else if (wanted < period) {
            period = wanted;
            startChain(wanted);
        }
    }

    /** Stops checking {@code watch}; on the job's thread. */
    void remove(ElementWatch watch) {
        watches.remove(watch);
    }

    static long periodFor(TaskLimit limit) {
        return Math.max(MIN_PERIOD, Math.min(MAX_PERIOD, limit.nanos() / 20));
    }

    private void startChain(long delay) {
        long id = chain.incrementAndGet();
        timer.schedule(() -> sweep(id), delay);
    }

    /** On the timer thread. */
    private void sweep(long id) {
        if (id != chain.get()) {
            return;
        }
        long now = timer.nanoTime();
        long shortest = checkAll(now);
        if (shortest != Long.MAX_VALUE) {
            idle = false;
        } else if (!idle) {
            idle = true;
            idleSince = now;
        } else if (now - idleSince >= IDLE) {
            stop();
            return;
        }
        long next = nextPeriod(Math.min(shortest, MAX_PERIOD), now);
        timer.schedule(() -> sweep(id), next);
    }

    /** Checks every open watch; returns the shortest period they need, {@link Long#MAX_VALUE} if none is open. */
    private long checkAll(long now) {
        long shortest = Long.MAX_VALUE;
        for (ElementWatch watch : watches) {
            shortest = Math.min(shortest, periodFor(watch.limit()));
            try {
                watch.check(now);
            } catch (RuntimeException e) {
                // A watch that fails its check must not leave the others unchecked.
                Thread timerThread = Thread.currentThread();
                timerThread.getUncaughtExceptionHandler().uncaughtException(timerThread, e);
            }
        }
        return shortest;
    }

    private long nextPeriod(long needed, long now) {
        if (needed <= period) {
            tooShort = false;
            period = needed;
            return needed;
        }
        if (!tooShort) {
            tooShort = true;
            tooShortSince = now;
        }
        if (now - tooShortSince < IDLE) {
            return period;
        }
        tooShort = false;
        // Longer: published first, then the watches that registered meanwhile are looked at again,
        // since they compared their period with the old one.
        period = needed;
        long again = Math.min(shortestPeriod(), needed);
        period = again;
        return again;
    }

    private long shortestPeriod() {
        long shortest = Long.MAX_VALUE;
        for (ElementWatch watch : watches) {
            shortest = Math.min(shortest, periodFor(watch.limit()));
        }
        return shortest;
    }

    /**
     * Ends the chain; starts the next one at once if a watch registered in between and saw the flag
     * still set, so no watch is left unchecked.
     */
    private void stop() {
        idle = false;
        tooShort = false;
        period = MAX_PERIOD;
        sweeping.set(false);
        if (!watches.isEmpty() && sweeping.compareAndSet(false, true)) {
            startChain(0);
        }
    }

    @Override
    public String toString() {
        return "the task timeout's sweeper over " + watches.size() + " open watches, every "
                + period / 1e6 + " ms while " + (sweeping.get() ? "sweeping" : "stopped")
                + ", on " + timer;
    }
}
