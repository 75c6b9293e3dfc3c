package io.streamz.dataframe;

import io.streamz.ErrorHandler;
import io.streamz.Stream;
import io.streamz.time.VirtualScheduler;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A DataFrame made by calling a function on a timer, on virtual time. */
class PeriodicDataFrameTest {
    private static final Duration INTERVAL = Duration.ofMillis(500);

    private final VirtualScheduler clock = new VirtualScheduler();
    private final List<Instant[]> calls = Collections.synchronizedList(new ArrayList<>());

    /** One row: the milliseconds from the previous call to this one. */
    private Table elapsed(Instant last, Instant now) {
        calls.add(new Instant[]{last, now});
        return Table.create("t", LongColumn.create("elapsed", Duration.between(last, now).toMillis()));
    }

    private void advanceIntervals(PeriodicDataFrame frame, int intervals) {
        for (int i = 0; i < intervals; i++) {
            clock.advance(INTERVAL);
            frame.stream().drain();
        }
    }

    @Test
    void callsTheFunctionEveryIntervalWithTheTimeOfThePreviousCallAndNow() {
        PeriodicDataFrame frame = new PeriodicDataFrame(this::elapsed, INTERVAL, clock);
        assertEquals(List.of("elapsed"), frame.columns());
        calls.clear(); // the call that gave the example
        List<Table> tables = frame.stream().sinkToList();
        frame.start();
        advanceIntervals(frame, 3);
        assertEquals(3, tables.size());
        for (Table table : tables) {
            assertEquals(List.of(500L), table.longColumn("elapsed").asList());
        }
        assertEquals(calls.get(0)[1], calls.get(1)[0], "last is the previous call's now");
    }

    @Test
    void emitsNothingBeforeStartOrAfterStopAndDownstreamOperationsSeeTheTables() {
        PeriodicDataFrame frame = new PeriodicDataFrame(this::elapsed, INTERVAL, clock);
        List<Double> sums = frame.column("elapsed").sum().stream().sinkToList();
        advanceIntervals(frame, 2);
        frame.start();
        advanceIntervals(frame, 2);
        frame.stop();
        advanceIntervals(frame, 2);
        assertEquals(List.of(500.0, 1000.0), sums);
    }

    @Test
    void aFunctionThatFailsOrGivesOtherColumnsIsReportedAndTheTicksGoOn() {
        List<Throwable> reported = Collections.synchronizedList(new ArrayList<>());
        ErrorHandler previous = Stream.setErrorHandler((where, error) -> reported.add(error));
        try {
            int[] call = {0}; // call 1 gives the example
            PeriodicDataFrame frame = new PeriodicDataFrame((last, now) -> {
                call[0]++;
                if (call[0] == 2) {
                    throw new IllegalStateException("no data this time");
                }
                return call[0] == 3 ? Table.create("other", LongColumn.create("other", 1L)) : elapsed(last, now);
            }, INTERVAL, clock);
            List<Table> tables = frame.stream().sinkToList();
            frame.start();
            advanceIntervals(frame, 3);
            assertEquals(1, tables.size());
            assertEquals(List.of(500L), tables.get(0).longColumn("elapsed").asList(), "last is the failed call's now");
            assertEquals(2, reported.size());
            assertTrue(reported.get(0) instanceof IllegalStateException, reported.toString());
            assertTrue(reported.get(1) instanceof IllegalArgumentException, reported.toString());
        } finally {
            Stream.setErrorHandler(previous);
        }
    }

    @Test
    void badArgumentsFailWhenBuilt() {
        assertThrows(IllegalArgumentException.class, () -> new PeriodicDataFrame(this::elapsed, Duration.ZERO, clock));
        assertThrows(NullPointerException.class, () -> new PeriodicDataFrame(null, INTERVAL, clock));
        assertThrows(NullPointerException.class, () -> new PeriodicDataFrame((last, now) -> null, INTERVAL, clock));
    }
}
