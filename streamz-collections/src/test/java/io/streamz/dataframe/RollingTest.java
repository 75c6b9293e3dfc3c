package io.streamz.dataframe;

import io.streamz.Stream;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Rolling aggregations, with the values Python streamz 0.6.4 gives: {@code rolling(3).x} over
 * {@code x = [1, 2]} then {@code [3, 4, NaN]}, and {@code rolling('2s').x} over {@link TimedTables}.
 */
class RollingTest {
    private final Stream<Table> source = Stream.create();
    private final DataFrame sdf = DataFrame.of(source, ReductionTest.table(new double[0], new double[0]));

    private void emitTheTwoTables() {
        source.emit(ReductionTest.table(new double[]{1, 2}, new double[]{1, Double.NaN}));
        source.emit(ReductionTest.table(new double[]{3, 4, Double.NaN}, new double[]{1, 1, 2}));
    }

    private static List<Double> values(List<Table> tables, String column) {
        List<Double> values = new ArrayList<>();
        for (Table table : tables) {
            DoubleColumn doubles = table.doubleColumn(column);
            for (int row = 0; row < doubles.size(); row++) {
                values.add(doubles.getDouble(row));
            }
        }
        return values;
    }

    @Test
    void aRowWindowNeedsAsManyValuesAsItsSizeByDefault() {
        List<Table> means = sdf.rolling(3).column("x").mean().stream().sinkToList();
        List<Table> deviations = sdf.rolling(3).column("x").std().stream().sinkToList();
        emitTheTwoTables();
        assertEquals(List.of(Double.NaN, Double.NaN, 2.0, 3.0, Double.NaN), values(means, "x"));
        assertEquals(List.of(Double.NaN, Double.NaN, 1.0, 1.0, Double.NaN), values(deviations, "x"));
        assertEquals(List.of(2, 3), List.of(means.get(0).rowCount(), means.get(1).rowCount()));
    }

    @Test
    void countAlwaysCountsTheNonMissingValues() {
        List<Table> counts = sdf.rolling(3).column("x").count().stream().sinkToList();
        emitTheTwoTables();
        assertEquals(List.of(1.0, 2.0, 3.0, 3.0, 2.0), values(counts, "x"));
    }

    @Test
    void minPeriodsLowersTheValuesAWindowNeeds() {
        List<Table> sums = sdf.rolling(3, 1).sum().stream().sinkToList();
        emitTheTwoTables();
        assertEquals(List.of(1.0, 3.0, 6.0, 9.0, 7.0), values(sums, "x"));
        assertEquals(List.of(1.0, 1.0, 2.0, 2.0, 4.0), values(sums, "y"));
    }

    @Test
    void minMaxMedianQuantileAndAUserAggregate() {
        Rolling<Series> rolling = sdf.column("x").rolling(3, 1);
        List<Table> min = rolling.min().stream().sinkToList();
        List<Table> max = rolling.max().stream().sinkToList();
        List<Table> median = rolling.median().stream().sinkToList();
        List<Table> quantile = rolling.quantile(0.25).stream().sinkToList();
        List<Table> spread = rolling.aggregate(values -> values[values.length - 1] - values[0]).stream().sinkToList();
        List<Table> variance = rolling.var(0).stream().sinkToList();
        emitTheTwoTables();
        assertEquals(List.of(1.0, 1.0, 1.0, 2.0, 3.0), values(min, "x"));
        assertEquals(List.of(1.0, 2.0, 3.0, 4.0, 4.0), values(max, "x"));
        assertEquals(List.of(1.0, 1.5, 2.0, 3.0, 3.5), values(median, "x"));
        assertEquals(List.of(1.0, 1.25, 1.5, 2.5, 3.25), values(quantile, "x"));
        assertEquals(List.of(0.0, 1.0, 2.0, 2.0, 1.0), values(spread, "x"));
        assertEquals(List.of(0.0, 0.25, 2.0 / 3, 2.0 / 3, 0.25), values(variance, "x"));
    }

    @Test
    void aTimeWindowHoldsTheRowsWithinItsRangeOfEachRowKeepingTheIndex() {
        List<Table> sums = DataFrame.of(source, TimedTables.example()).setIndex("time")
                .rolling(Duration.ofSeconds(2)).column("x").sum().stream().sinkToList();
        source.emit(TimedTables.first());
        source.emit(TimedTables.second());
        assertEquals(List.of(1.0, 3.0, 5.0, 7.0, 1.0), values(sums, "x"));
        assertEquals(List.of("time", "x"), sums.get(1).columnNames());
        assertEquals(TimedTables.ORIGIN.plusSeconds(5), sums.get(1).dateTimeColumn("time").get(1));
    }

    @Test
    void badRollingArgumentsFailWhenBuilt() {
        assertThrows(IllegalArgumentException.class, () -> sdf.rolling(3).quantile(1.5));
        assertThrows(IllegalArgumentException.class, () -> sdf.rolling(3).quantile(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> sdf.rolling(3, -1));
        assertThrows(IllegalArgumentException.class, () -> sdf.rolling(3).var(-1));
        assertThrows(NullPointerException.class, () -> sdf.rolling(3).aggregate(null));
        assertThrows(IllegalArgumentException.class,
                () -> DataFrame.of(source, TimedTables.example()).rolling(2).sum());
    }
}
