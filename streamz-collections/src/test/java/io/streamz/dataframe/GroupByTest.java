package io.streamz.dataframe;

import io.streamz.Stream;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GroupByTest {
    private final Stream<Table> source = Stream.create();
    private final DataFrame sdf = DataFrame.of(source, ReductionTest.table(new double[0], new double[0]));

    @Test
    void aGroupbyMeanIsAnUpdatingSeriesIndexedByTheSortedKeys() {
        Series means = DataFrame.of(source, TimedTables.example()).groupby("name").column("x").mean();
        assertTrue(means.isUpdating());
        assertEquals(List.of("name"), means.index());
        List<Table> results = means.stream().sinkToList();
        source.emit(TimedTables.first());
        source.emit(TimedTables.second());
        assertEquals(List.of("a", "b"), results.get(1).stringColumn("name").asList());
        assertEquals(List.of(2.0, 7.0 / 3), results.get(1).doubleColumn("x").asList());
    }

    @Test
    void aWindowedGroupbyKeepsAKeyWhileItHasRowsAndSumsNothingToZero() {
        // Python streamz: window(n=2).groupby('y').x.sum() gives {1: 1} then {1: 4, 2: 0}.
        List<Table> sums = sdf.window(2).groupby("y").column("x").sum().stream().sinkToList();
        source.emit(ReductionTest.table(new double[]{1, 2}, new double[]{1, Double.NaN}));
        source.emit(ReductionTest.table(new double[]{3, 4, Double.NaN}, new double[]{1, 1, 2}));
        assertEquals(List.of(1.0), sums.get(0).doubleColumn("y").asList());
        assertEquals(List.of(1.0), sums.get(0).doubleColumn("x").asList());
        assertEquals(List.of(1.0, 2.0), sums.get(1).doubleColumn("y").asList());
        assertEquals(List.of(4.0, 0.0), sums.get(1).doubleColumn("x").asList());
    }

    @Test
    void aWindowedGroupbyDropsAKeyOnceAllItsRowsHaveLeft() {
        List<Table> counts = sdf.window(2).groupby("y").column("x").count().stream().sinkToList();
        source.emit(ReductionTest.table(new double[]{1, 2}, new double[]{7, 8}));
        source.emit(ReductionTest.table(new double[]{3, 4}, new double[]{9, 9}));
        assertEquals(List.of(7.0, 8.0), counts.get(0).doubleColumn("y").asList());
        assertEquals(List.of(9.0), counts.get(1).doubleColumn("y").asList());
        assertEquals(List.of(2.0), counts.get(1).doubleColumn("x").asList());
    }

    @Test
    void withoutAColumnEveryNumericValueColumnIsAggregated() {
        Stream<Table> rows = Stream.create();
        Table example = Table.create(StringColumn.create("name"), IntColumn.create("k"), DoubleColumn.create("x"));
        DataFrame sums = DataFrame.of(rows, example).groupby("name").sum();
        assertEquals(List.of("k", "x"), sums.columns());
        List<Table> results = sums.stream().sinkToList();
        rows.emit(Table.create(StringColumn.create("name", "a", "b", "a"), IntColumn.create("k", 1, 2, 3),
                DoubleColumn.create("x", 0.5, 1, 2)));
        assertEquals(List.of(4.0, 2.0), results.get(0).doubleColumn("k").asList());
        assertEquals(List.of(2.5, 1.0), results.get(0).doubleColumn("x").asList());
    }

    @Test
    void severalKeysGroupByTheirCombinationInKeyOrder() {
        Stream<Table> rows = Stream.create();
        Table example = Table.create(StringColumn.create("name"), IntColumn.create("k"), DoubleColumn.create("x"));
        List<Table> sums = DataFrame.of(rows, example).groupby("name", "k").column("x").sum().stream().sinkToList();
        rows.emit(Table.create(StringColumn.create("name", "b", "a", "a", "a"), IntColumn.create("k", 1, 2, 1, 2),
                DoubleColumn.create("x", 1, 2, 3, 4)));
        assertEquals(List.of("a", "a", "b"), sums.get(0).stringColumn("name").asList());
        assertEquals(List.of(1, 2, 1), sums.get(0).intColumn("k").asList());
        assertEquals(List.of(3.0, 6.0, 1.0), sums.get(0).doubleColumn("x").asList());
    }

    @Test
    void sizeCountsRowsWithMissingValuesAndCountDoesNot() {
        List<Table> sizes = sdf.groupby("y").size().stream().sinkToList();
        List<Table> counts = sdf.groupby("y").column("x").count().stream().sinkToList();
        source.emit(ReductionTest.table(new double[]{1, Double.NaN, 3}, new double[]{1, 1, Double.NaN}));
        assertEquals(List.of("y", "size"), sizes.get(0).columnNames());
        assertEquals(List.of(2.0), sizes.get(0).doubleColumn("size").asList());
        assertEquals(List.of(1.0), counts.get(0).doubleColumn("x").asList());
    }

    @Test
    void varianceAndStandardDeviationPerKey() {
        List<Table> variances = sdf.groupby("y").column("x").var().stream().sinkToList();
        List<Table> deviations = sdf.groupby("y").column("x").std(0).stream().sinkToList();
        source.emit(ReductionTest.table(new double[]{1, 3, 5}, new double[]{1, 1, 2}));
        assertEquals(2.0, variances.get(0).doubleColumn("x").getDouble(0));
        assertTrue(variances.get(0).doubleColumn("x").isMissing(1), "the variance of one value is missing");
        assertEquals(List.of(1.0, 0.0), deviations.get(0).doubleColumn("x").asList());
    }

    @Test
    void aFunctionGrouperNamedLikeAValueColumnGetsAKeySuffix() {
        List<Table> sums = sdf.groupby(t -> t.doubleColumn("x").remainder(2).setName("x")).column("x").sum()
                .stream().sinkToList();
        source.emit(ReductionTest.table(new double[]{1, 2, 3}, new double[]{0, 0, 0}));
        assertEquals(List.of("x_key", "x"), sums.get(0).columnNames());
        assertEquals(List.of(0.0, 1.0), sums.get(0).doubleColumn("x_key").asList());
        assertEquals(List.of(2.0, 4.0), sums.get(0).doubleColumn("x").asList());
    }

    @Test
    void badGroupbysFailWhenBuilt() {
        assertThrows(IllegalArgumentException.class, () -> sdf.groupby());
        assertThrows(IllegalArgumentException.class, () -> sdf.groupby("nope"));
        assertThrows(IllegalArgumentException.class, () -> sdf.groupby("x").column("x"));
        assertThrows(IllegalArgumentException.class, () -> sdf.groupby("x").column("nope"));
        assertThrows(IllegalArgumentException.class, () -> sdf.groupby("x").var(-1));
        Stream<Table> named = Stream.create();
        DataFrame names = DataFrame.of(named, Table.create(StringColumn.create("name"), StringColumn.create("other")));
        assertThrows(IllegalArgumentException.class, () -> names.groupby("name").column("other"));
        assertThrows(IllegalStateException.class, () -> names.groupby("name").sum());
        assertThrows(IllegalStateException.class, () -> sdf.groupby("x").column("y").sum().toFrame().groupby("x"));
    }
}
