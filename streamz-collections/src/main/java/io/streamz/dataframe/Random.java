package io.streamz.dataframe;

import io.streamz.Stream;
import io.streamz.spi.Checks;
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
 * <p>A {@link PeriodicDataFrame}, as in streamz: see it for starting, stopping, threads and time. A
 * slow downstream delays the next tick, which then brings all the rows due since the last one.
 */
public final class Random extends PeriodicDataFrame {
    private final Duration freq;
    private final java.util.Random random;
    private Instant lastRow;

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
        super(Stream.create("random", Checks.notNull(scheduler, "scheduler")), null, interval, emptyTable(),
                List.of("time"));
        this.freq = Checks.positive(freq, "freq");
        if (freq.toMillis() == 0) {
            throw new IllegalArgumentException("freq must be at least 1 ms (Tablesaw keeps times in milliseconds), was "
                    + freq);
        }
        this.random = new java.util.Random(seed);
    }

    private static Table emptyTable() {
        return Table.create("random", DateTimeColumn.create("time"), DoubleColumn.create("x"),
                IntColumn.create("y"), DoubleColumn.create("z"));
    }

    /** Starts emitting a table every interval; a second call does nothing. Returns this. */
    @Override
    public Random start() {
        super.start();
        return this;
    }

    @Override
    protected void started(Instant now) {
        lastRow = now;
    }

    /** The rows due after the last one up to {@code now}, one every {@code freq}. */
    @Override
    protected Table produce(Instant last, Instant now) {
        Table rows = emptyTable();
        DateTimeColumn time = rows.dateTimeColumn("time");
        while (!lastRow.plus(freq).isAfter(now)) {
            lastRow = lastRow.plus(freq);
            time.append(LocalDateTime.ofInstant(lastRow.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC));
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
