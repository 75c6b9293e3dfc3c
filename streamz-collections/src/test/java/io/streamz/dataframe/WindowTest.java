package io.streamz.dataframe;

import io.streamz.Stream;
import tech.tablesaw.api.Table;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Windowed aggregations, with the values Python streamz 0.6.4 gives for {@link TimedTables}. */
class WindowTest {
    private final Stream<Table> source = Stream.create();
    private final DataFrame sdf = DataFrame.of(source, TimedTables.example()).setIndex("time");

    private void emitBoth() {
        source.emit(TimedTables.first());
        source.emit(TimedTables.second());
    }

    @Test
    void aTimeWindowHoldsTheRowsWithinItsRangeOfTheLatestTime() {
        List<Double> sums = sdf.window(Duration.ofSeconds(2)).column("x").sum().stream().sinkToList();
        emitBoth();
        // (0 s, 2 s] then (3 s, 5 s]
        assertEquals(List.of(5.0, 1.0), sums);
    }

    @Test
    void aRowWindowHoldsTheLastRows() {
        List<Double> sums = sdf.window(3).column("x").sum().stream().sinkToList();
        List<Double> counts = sdf.column("x").window(1).count().stream().sinkToList();
        List<Long> sizes = sdf.window(4).size().stream().sinkToList();
        emitBoth();
        assertEquals(List.of(6.0, 8.0), sums);
        assertEquals(List.of(1.0, 1.0), counts);
        assertEquals(List.of(6L, 8L), sizes);
    }

    @Test
    void aDataFrameWindowReducesEveryNumericValueColumn() {
        List<Table> means = sdf.window(2).mean().stream().sinkToList();
        emitBoth();
        assertEquals(List.of("x"), means.get(1).columnNames());
        assertEquals(2.5, means.get(1).doubleColumn("x").get(0));
    }

    @Test
    void varianceAndStandardDeviationWithinTheWindow() {
        List<Double> variances = sdf.window(3).column("x").var().stream().sinkToList();
        List<Double> deviations = sdf.window(3).column("x").std(0).stream().sinkToList();
        emitBoth();
        assertEquals(1.0, variances.get(0), 1e-12);
        assertEquals(7.0 / 3, variances.get(1), 1e-12);
        assertEquals(Math.sqrt(2.0 / 3), deviations.get(0), 1e-12);
    }

    @Test
    void applyGivesAFunctionEveryRowOfTheWindow() {
        List<Double> ranges = sdf.window(3).apply(t -> t.doubleColumn("x").max() - t.doubleColumn("x").min())
                .stream().sinkToList();
        List<Table> full = sdf.window(Duration.ofSeconds(2)).full().stream().sinkToList();
        emitBoth();
        assertEquals(List.of(2.0, 3.0), ranges);
        assertEquals(List.of("time", "name", "x"), full.get(1).columnNames());
        assertEquals(List.of(1.0), full.get(1).doubleColumn("x").asList());
        assertEquals(List.of(2.0, 3.0), full.get(0).doubleColumn("x").asList());
    }

    @Test
    void valueCountsWithinTheWindowDropValuesThatLeft() {
        List<Table> counts = sdf.window(3).column("x").valueCounts().stream().sinkToList();
        emitBoth();
        assertEquals(List.of(1.0, 3.0, 4.0), counts.get(1).doubleColumn("x").asList());
        assertEquals(List.of(1.0, 1.0, 1.0), counts.get(1).doubleColumn("count").asList());
    }

    @Test
    void aGroupbyWithinATimeWindowDropsKeysWhoseRowsHaveLeft() {
        List<Table> means = sdf.window(Duration.ofSeconds(2)).groupby("name").column("x").mean().stream().sinkToList();
        emitBoth();
        assertEquals(List.of("a", "b"), means.get(0).stringColumn("name").asList());
        assertEquals(List.of(3.0, 2.0), means.get(0).doubleColumn("x").asList());
        assertEquals(List.of("b"), means.get(1).stringColumn("name").asList());
        assertEquals(List.of(1.0), means.get(1).doubleColumn("x").asList());
    }

    @Test
    void valueCountsOfAManyColumnWindowFailsWhenBuilt() {
        assertThrows(IllegalStateException.class, () -> DataFrame.of(source, ReductionTest.table(new double[0],
                new double[0])).window(3).valueCounts());
        assertThrows(NullPointerException.class, () -> sdf.window(3).aggregate(null));
        assertThrows(NullPointerException.class, () -> sdf.window(3).apply(null));
        assertThrows(IllegalArgumentException.class, () -> sdf.window(3).column("nope"));
        assertThrows(IllegalArgumentException.class, () -> sdf.window(Duration.ZERO));
    }
}
