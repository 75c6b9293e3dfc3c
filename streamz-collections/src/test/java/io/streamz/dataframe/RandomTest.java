package io.streamz.dataframe;

import io.streamz.time.VirtualScheduler;
import tech.tablesaw.api.Table;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RandomTest {
    private static final Duration FREQ = Duration.ofMillis(100);
    private static final Duration INTERVAL = Duration.ofMillis(500);

    private final VirtualScheduler clock = new VirtualScheduler();
    private final Random random = new Random(FREQ, INTERVAL, clock, 42);

    /** One interval at a time, waiting for the buffer to hand each table on. */
    private void advanceIntervals(int intervals) {
        for (int i = 0; i < intervals; i++) {
            clock.advance(INTERVAL);
            random.stream().drain();
        }
    }

    @Test
    void emitsNothingBeforeStart() {
        List<Table> tables = random.stream().sinkToList();
        advanceIntervals(2);
        assertEquals(List.of(), tables);
        assertFalse(random.isRunning());
    }

    @Test
    void emitsATableOfOneRowPerFreqEveryInterval() {
        List<Table> tables = random.stream().sinkToList();
        random.start();
        advanceIntervals(3);
        assertEquals(3, tables.size());
        Table first = tables.get(0);
        assertEquals(List.of("time", "x", "y", "z"), first.columnNames());
        assertEquals(List.of("time"), random.index());
        assertEquals(5, first.rowCount());
        List<LocalDateTime> times = Reference.concat(first, tables).dateTimeColumn("time").asList();
        for (int row = 1; row < times.size(); row++) {
            assertEquals(FREQ, Duration.between(times.get(row - 1), times.get(row)), "rows step by freq");
        }
        for (Table table : tables) {
            assertTrue(table.doubleColumn("x").allMatch((Double x) -> x >= 0 && x < 1), "x is uniform in [0, 1)");
            assertTrue(table.intColumn("y").allMatch((Integer y) -> y >= 0), "y is a Poisson count");
        }
    }

    @Test
    void theValuesHaveTheirDistributionsMoments() {
        Random many = new Random(Duration.ofMillis(1), Duration.ofSeconds(10), clock, 7);
        List<Table> means = many.mean().stream().sinkToList();
        many.start();
        clock.advance(Duration.ofSeconds(10));
        many.stream().drain();
        Table mean = means.get(0);
        assertEquals(0.5, mean.doubleColumn("x").get(0), 0.02);
        assertEquals(1.0, mean.doubleColumn("y").get(0), 0.05);
        assertEquals(0.0, mean.doubleColumn("z").get(0), 0.05);
    }

    @Test
    void stopEndsTheTablesAndStartResumesThem() {
        List<Table> tables = random.stream().sinkToList();
        random.start();
        random.start();
        advanceIntervals(1);
        random.stop();
        advanceIntervals(2);
        assertEquals(1, tables.size());
        random.start();
        advanceIntervals(1);
        assertEquals(2, tables.size());
        assertEquals(5, tables.get(1).rowCount());
    }

    @Test
    void itIsAStreamingDataFrameWithATimeIndex() {
        List<Double> windowSums = random.window(Duration.ofMillis(300)).column("y").count().stream().sinkToList();
        random.start();
        advanceIntervals(2);
        assertEquals(List.of(3.0, 3.0), windowSums);
    }

    @Test
    void badArgumentsFailWhenBuilt() {
        assertThrows(IllegalArgumentException.class, () -> new Random(Duration.ZERO, INTERVAL, clock, 1));
        assertThrows(IllegalArgumentException.class, () -> new Random(FREQ, Duration.ofMillis(-1), clock, 1));
        assertThrows(IllegalArgumentException.class, () -> new Random(Duration.ofNanos(10), INTERVAL, clock, 1));
        assertThrows(NullPointerException.class, () -> new Random(FREQ, INTERVAL, null, 1));
    }
}
