package io.streamz.dataframe;

import io.streamz.Stream;
import io.streamz.collections.Pipeline;
import io.streamz.local.core.Checks;
import io.streamz.spi.StreamEngines;
import io.streamz.time.Scheduler;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A streaming DataFrame of random data (streamz's {@code Random}), for examples and docs: one row
 * every {@code freq}, delivered as a table every {@code interval}. Column {@code x} is uniform in
 * [0, 1), {@code y} Poisson with mean 1, {@code z} standard normal; the index {@code time} (UTC
 * LOCAL_DATE_TIME, millisecond resolution) steps by exactly {@code freq}.
 *
 * <p>Nothing is emitted before {@link #start()} (streamz starts at once; a Java constructor should
 * not). Time comes from the {@link Scheduler}: with a {@link io.streamz.time.VirtualScheduler} a
 * test advances it explicitly. Each tick hands its table to a {@code buffer(1)} and returns, so the
 * timer thread never runs the pipeline: downstream runs on the buffer's worker thread. A slow
 * downstream delays the next tick, which then brings all the rows due since the last one. An error
 * downstream goes to the {@link io.streamz.ErrorHandler}; the ticks go on.
 */
public final class Random extends DataFrame {
    private final Stream<Table> source;
    private final Duration freq;
    private final Duration interval;
    private final java.util.Random random;
    private final Instant origin;
    private final long originNanos;
    private final Object lock = new Object();
    private Scheduler.Task next;
    private boolean running;
    private long lastRowNanos;

    /** Rows every 100 ms, tables every 500 ms, on the system clock (streamz's defaults). */
    public Random() {
        this(Duration.ofMillis(100), Duration.ofMillis(500));
    }

    /** Rows every {@code freq}, tables every {@code interval}, on the system clock. */
    public Random(Duration freq, Duration interval) {
        this(freq, interval, Scheduler.system(), new java.util.Random().nextLong());
    }

    /**
     * Rows every {@code freq}, tables every {@code interval}, timed by {@code scheduler}, values
     * drawn from a generator seeded with {@code seed}; the first row's time is one {@code freq}
     * after {@link #start()}.
     */
    public Random(Duration freq, Duration interval, Scheduler scheduler, long seed) {
        this(Stream.create("random", Checks.notNull(scheduler, "scheduler")), freq, interval, seed);
    }

    private Random(Stream<Table> source, Duration freq, Duration interval, long seed) {
        super(Pipeline.from(source.buffer(1)), emptyTable(), List.of("time"), false);
        this.source = source;
        this.freq = Checks.positive(freq, "freq");
        this.interval = Checks.positive(interval, "interval");
        if (freq.toMillis() == 0) {
            throw new IllegalArgumentException("freq must be at least 1 ms (Tablesaw keeps times in milliseconds), was "
                    + freq);
        }
        this.random = new java.util.Random(seed);
        this.origin = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        this.originNanos = source.scheduler().nanoTime();
    }

    private static Table emptyTable() {
        return Table.create("random", DateTimeColumn.create("time"), DoubleColumn.create("x"),
                IntColumn.create("y"), DoubleColumn.create("z"));
    }

    /** Starts emitting a table every interval; a second call does nothing. Returns this. */
    public Random start() {
        synchronized (lock) {
            if (!running) {
                running = true;
                lastRowNanos = source.scheduler().nanoTime();
                next = source.scheduler().schedule(interval, this::tick);
            }
        }
        return this;
    }

    /** Stops emitting; a table already handed on still goes through. May be started again. */
    public void stop() {
        synchronized (lock) {
            running = false;
            if (next != null) {
                next.cancel();
                next = null;
            }
        }
    }

    /** Whether the generator is started and not stopped. */
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
            rows = rowsUntil(source.scheduler().nanoTime());
        }
        source.emitAsync(rows).whenComplete((ignored, error) -> {
            if (error != null) {
                StreamEngines.report(source, error);
            }
            synchronized (lock) {
                if (running) {
                    next = source.scheduler().schedule(interval, this::tick);
                }
            }
        });
    }

    /** The rows due after the last one up to {@code now}, one every {@code freq}. */
    private Table rowsUntil(long now) {
        Table rows = emptyTable();
        DateTimeColumn time = rows.dateTimeColumn("time");
        long step = freq.toNanos();
        while (lastRowNanos + step <= now) {
            lastRowNanos += step;
            Instant at = origin.plusNanos(lastRowNanos - originNanos).truncatedTo(ChronoUnit.MILLIS);
            time.append(LocalDateTime.ofInstant(at, ZoneOffset.UTC));
            rows.doubleColumn("x").append(random.nextDouble());
            rows.intColumn("y").append(poisson());
            rows.doubleColumn("z").append(random.nextGaussian());
        }
        return rows;
    }

    /** A Poisson draw with mean 1 (numpy's default), by Knuth's method. */
    private int poisson() {
        double limit = Math.exp(-1);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}
