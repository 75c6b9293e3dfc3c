package io.streamz.dataframe;

import io.streamz.Stream;
import io.streamz.collections.Pipeline;
import io.streamz.spi.Checks;
import io.streamz.spi.StreamEngines;
import io.streamz.time.Scheduler;
import tech.tablesaw.api.Table;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A streaming DataFrame whose tables come from calling a function on a timer (streamz's
 * {@code PeriodicDataFrame}): every {@code interval}, {@code datafn(last, now)} gives the next
 * table, {@code last} being the time of the previous call (or of {@link #start()}). Like streamz,
 * the example is what {@code datafn(now, now)} returns, called once when the frame is built.
 * {@link Random} is one, with random data.
 *
 * <p>Nothing is emitted before {@link #start()} (streamz starts at once; a Java constructor should
 * not). Time comes from the {@link Scheduler}: with a {@link io.streamz.time.VirtualScheduler} a
 * test advances it explicitly, and {@code last} and {@code now} are virtual too. {@code datafn}
 * runs on the scheduler's thread; each tick hands its table to a {@code buffer(1)} and returns, so
 * the timer thread never runs the pipeline: downstream runs on the buffer's worker thread. A slow
 * downstream delays the next tick. A {@code datafn} that throws, or gives a table without the
 * example's columns, and an error downstream go to the {@link io.streamz.ErrorHandler}; the ticks
 * go on.
 */
public class PeriodicDataFrame extends DataFrame {
    /** What gives each table of a {@link PeriodicDataFrame}. */
    @FunctionalInterface
    public interface DataFunction {
        /** The next table, given the time of the previous call (or of the start) and now. */
        Table next(Instant last, Instant now);
    }

    private final Stream<Table> source;
    private final Duration interval;
    private final DataFunction datafn;
    private final Instant origin;
    private final long originNanos;
    private final Object lock = new Object();
    private Scheduler.Task next;
    private boolean running;
    private Instant last;

    /**
     * A table from {@code datafn} every {@code interval}, timed by {@code scheduler}.
     *
     * @throws IllegalArgumentException when {@code interval} is not positive
     * @throws NullPointerException     when an argument is null or {@code datafn} returns null for the example
     */
    public PeriodicDataFrame(DataFunction datafn, Duration interval, Scheduler scheduler) {
        this(Stream.create("periodic", Checks.notNull(scheduler, "scheduler")), Checks.notNull(datafn, "datafn"),
                interval, exampleOf(datafn), List.of());
    }

    /** A table from {@code datafn} every {@code interval} on the system clock. */
    public PeriodicDataFrame(DataFunction datafn, Duration interval) {
        this(datafn, interval, Scheduler.system());
    }

    /**
     * For subclasses that give their tables by overriding {@link #produce} ({@code datafn} may then
     * be null): tables like {@code example}, indexed by {@code index}, every {@code interval} from
     * {@code source}'s scheduler.
     */
    protected PeriodicDataFrame(Stream<Table> source, DataFunction datafn, Duration interval, Table example,
                                List<String> index) {
        super(Pipeline.from(source.buffer(1)), example, index, false);
        this.source = source;
        this.datafn = datafn;
        this.interval = Checks.positive(interval, "interval");
        this.origin = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        this.originNanos = source.scheduler().nanoTime();
    }

    private static Table exampleOf(DataFunction datafn) {
        Instant now = Instant.now();
        return Checks.notNull(datafn.next(now, now), "the table datafn returns");
    }

    /** The next table; calls {@code datafn}. Runs on the scheduler's thread, under this frame's lock. */
    protected Table produce(Instant last, Instant now) {
        return datafn.next(last, now);
    }

    /** Called by {@link #start()} with the start time, under this frame's lock; does nothing here. */
    protected void started(Instant now) {
    }

    /** The scheduler's time as an instant: the wall clock when this frame was built plus the scheduler's elapsed time. */
    private Instant now() {
        return origin.plusNanos(source.scheduler().nanoTime() - originNanos);
    }

    /** Starts calling the function every interval; a second call does nothing. Returns this. */
    public PeriodicDataFrame start() {
        synchronized (lock) {
            if (!running) {
                running = true;
                last = now();
                started(last);
                next = source.scheduler().schedule(interval, this::tick);
            }
        }
        return this;
    }

    /** Stops calling the function (streamz's {@code stop}); a table already handed on still goes through. May be started again. */
    public void stop() {
        synchronized (lock) {
            running = false;
            if (next != null) {
                next.cancel();
                next = null;
            }
        }
    }

    /** Whether the frame is started and not stopped. */
    public boolean isRunning() {
        synchronized (lock) {
            return running;
        }
    }

    private void tick() {
        Table rows;
        synchronized (lock) {
            if (!running) {
                return;
            }
            Instant now = now();
            try {
                rows = produce(last, now);
                verify(rows);
            } catch (RuntimeException e) {
                rows = null;
                StreamEngines.report(source, e);
            }
            last = now;
        }
        if (rows == null) {
            scheduleNext();
            return;
        }
        source.emitAsync(rows).whenComplete((ignored, error) -> {
            if (error != null) {
                StreamEngines.report(source, error);
            }
            scheduleNext();
        });
    }

    private void scheduleNext() {
        synchronized (lock) {
            if (running) {
                next = source.scheduler().schedule(interval, this::tick);
            }
        }
    }
}
