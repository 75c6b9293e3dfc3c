package io.streamz.progress;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Shows how far a long run is while it runs: every period (5 s by default) one line on its own
 * daemon thread, with the elements done so far, the rate over the last period and the rate since
 * the start (rates count from {@code done}'s value when the reporter starts); {@link #close()} prints
 * a last line with the totals. For the main job and the
 * benchmarks, whose runs last minutes and would otherwise be silent until they end:
 *
 * <pre>
 * progress: CPU-bound map, 2 servers: 12,345 elements after 10.0 s, 1,301/s now, 1,234/s overall
 * progress: CPU-bound map, 2 servers: done, 24,690 elements in 20.0 s, 1,234/s
 * </pre>
 *
 * <p>The count comes from {@code done}, read on the reporter's thread, so it must be safe to call
 * from any thread (an {@code AtomicLong::get}, say). A {@code done} that throws costs one line
 * saying so, not the reporter. Lines never interleave: a report and {@link #close()} exclude each
 * other, and none follows the last.
 */
public final class ProgressReporter implements AutoCloseable {
    /** How often {@link #start(String, LongSupplier)} reports. */
    public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(5);

    private final String what;
    private final LongSupplier done;
    private final LongSupplier nanoClock;
    private final PrintStream out;
    private final long startNanos;
    private final long startDone;
    private ScheduledExecutorService timer;
    private long lastNanos;
    private long lastDone;
    private boolean closed;

    ProgressReporter(String what, LongSupplier done, LongSupplier nanoClock, PrintStream out) {
        this.what = Objects.requireNonNull(what, "what");
        this.done = Objects.requireNonNull(done, "done");
        this.nanoClock = nanoClock;
        this.out = Objects.requireNonNull(out, "out");
        this.startNanos = nanoClock.getAsLong();
        this.lastNanos = startNanos;
        this.startDone = done.getAsLong();
        this.lastDone = startDone;
    }

    /** Reports on standard error every {@link #DEFAULT_PERIOD}; see {@link #start(String, LongSupplier, Duration, PrintStream)}. */
    public static ProgressReporter start(String what, LongSupplier done) {
        return start(what, done, DEFAULT_PERIOD, System.err);
    }

    /**
     * Starts reporting the progress of {@code what} (a few words naming the run) on {@code out} every
     * {@code period}. The lines show {@code done}'s value; the rates count from its value now.
     *
     * @throws IllegalArgumentException when {@code period} is not positive
     */
    public static ProgressReporter start(String what, LongSupplier done, Duration period, PrintStream out) {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("the period of progress lines must be positive, was " + period);
        }
        ProgressReporter reporter = new ProgressReporter(what, done, System::nanoTime, out);
        reporter.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "progress: " + what);
            thread.setDaemon(true);
            return thread;
        });
        long nanos = period.toNanos();
        reporter.timer.scheduleAtFixedRate(reporter::report, nanos, nanos, TimeUnit.NANOSECONDS);
        return reporter;
    }

    /** Prints one progress line now (the timer's job); nothing once closed. */
    synchronized void report() {
        if (closed) {
            return;
        }
        long now = nanoClock.getAsLong();
        Long count = count();
        if (count == null) {
            return;
        }
        out.printf(Locale.ROOT, "progress: %s: %,d elements after %.1f s, %,.0f/s now, %,.0f/s overall%n",
                what, count, seconds(now - startNanos), rate(count - lastDone, now - lastNanos),
                rate(count - startDone, now - startNanos));
        lastNanos = now;
        lastDone = count;
    }

    /** Stops the reports and prints the totals; later calls do nothing. Any thread. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (timer != null) {
            timer.shutdownNow();
        }
        long elapsed = nanoClock.getAsLong() - startNanos;
        Long count = count();
        if (count != null) {
            out.printf(Locale.ROOT, "progress: %s: done, %,d elements in %.1f s, %,.0f/s%n",
                    what, count, seconds(elapsed), rate(count - startDone, elapsed));
        }
    }

    /** {@code done}'s value, or {@code null} after printing why there is none. */
    private Long count() {
        try {
            return done.getAsLong();
        } catch (RuntimeException e) {
            out.println("progress: " + what + ": count unavailable (" + e + ")");
            return null;
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static double rate(long elements, long nanos) {
        return nanos <= 0 ? 0 : elements / seconds(nanos);
    }

    @Override
    public String toString() {
        return "ProgressReporter[" + what + (closed ? ", closed]" : "]");
    }
}
