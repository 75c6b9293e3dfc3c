package io.streamz.dataframe;

import io.streamz.Stream;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code nlargest} and {@code nsmallest}, on updating frames (streamz's {@code value_counts().nlargest(2)}) and per table. */
class NlargestTest {
    private final Stream<Table> source = Stream.create();

    private static Table xy(double[] x, int... y) {
        return Table.create("t", DoubleColumn.create("x", x), IntColumn.create("y", y));
    }

    @Test
    void valueCountsNlargestTwoIsPandasAsInStreamzsTestDataframeSimple() {
        DataFrame sdf = DataFrame.of(source, xy(new double[0]));
        List<Table> out = sdf.column("y").valueCounts().nlargest(2).stream().sinkToList();
        source.emit(xy(new double[]{0, 0, 0, 0}, 1, 2, 2, 3));
        source.emit(xy(new double[]{0, 0}, 3, 3));
        // pandas: Series([1, 2, 2, 3]).value_counts().nlargest(2) is {2: 2, 1: 1}; with 3, 3 added {3: 3, 2: 2}
        assertEquals(List.of(2, 1), out.get(0).intColumn("y").asList());
        assertEquals(List.of(2.0, 1.0), out.get(0).doubleColumn("count").asList());
        assertEquals(List.of(3, 2), out.get(1).intColumn("y").asList());
    }

    @Test
    void nlargestLeavesOutMissingValuesAndKeepsTheFirstOfEqualOnesAsPandas() {
        DataFrame sdf = DataFrame.of(source, xy(new double[0]));
        List<Table> largest = sdf.nlargest(3, "x").stream().sinkToList();
        List<Table> smallest = sdf.column("x").nsmallest(2).stream().sinkToList();
        source.emit(xy(new double[]{1, Double.NaN, 3, 3, 2}, 5, 4, 3, 2, 1));
        // pandas: DataFrame({'x': [1, nan, 3, 3, 2], 'y': [5, 4, 3, 2, 1]}).nlargest(3, 'x') has y 3, 2, 1
        assertEquals(List.of(3, 2, 1), largest.get(0).intColumn("y").asList());
        assertEquals(List.of(1.0, 2.0), smallest.get(0).doubleColumn("x").asList());
    }

    @Test
    void nlargestOfAGroupbyResultEqualsSortingTablesawsGroupSumsOverTheConcatenatedData() {
        for (long seed = 0; seed < 50; seed++) {
            List<Table> tables = new RandomTables(seed).stream();
            Stream<Table> input = Stream.create();
            DataFrame sdf = DataFrame.of(input, RandomTables.example());
            List<Table> top = sdf.groupby("name").column("x").sum().nlargest(2).stream().sinkToList();
            List<Table> seen = new ArrayList<>();
            for (Table table : tables) {
                input.emit(table);
                seen.add(table);
                List<Object[]> sums = new ArrayList<>();
                Reference.groups(Reference.concat(RandomTables.example(), seen), "name").forEach((name, group) ->
                        sums.add(new Object[]{name, Reference.statistic(group.column("x"), Statistic.SUM)}));
                sums.sort(Comparator.comparingDouble((Object[] s) -> (Double) s[1]).reversed());
                List<Object> expected = new ArrayList<>();
                sums.stream().limit(2).forEach(s -> expected.add(s[0]));
                assertEquals(expected, top.get(seen.size() - 1).stringColumn("name").asList(), "seed " + seed);
            }
        }
    }

    @Test
    void nlargestOfANonNumericOrMissingColumnFailsWhenBuilt() {
        DataFrame people = DataFrame.of(source, Table.create("p", StringColumn.create("name"), IntColumn.create("x")));
        assertThrows(IllegalArgumentException.class, () -> people.nlargest(2, "name"));
        assertThrows(IllegalArgumentException.class, () -> people.nlargest(2, "nope"));
        assertThrows(IllegalArgumentException.class, () -> people.nlargest(-1, "x"));
    }
}
