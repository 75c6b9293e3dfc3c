package io.streamz.dataframe;

import io.streamz.Stream;
import io.streamz.function.FunctionEx;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.streamz.dataframe.ReductionPropertyTest.forEveryStreamAndScheme;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every groupby-aggregation and value count, under every windowing scheme, equals Tablesaw's
 * computation per key over the window of the concatenated data, after every table of 50 random
 * streams: same keys (those with rows left in the window, sorted), same values.
 */
class GroupByPropertyTest {

    @Test
    void groupbyAggregationsEqualTablesawPerKeyForEveryScheme() {
        forEveryStreamAndScheme((random, tables, scheme) -> {
            for (String key : List.of("name", "k")) {
                Stream<Table> source = Stream.create();
                DataFrame sdf = DataFrame.of(source, RandomTables.example()).setIndex("time");
                List<List<Table>> results = new ArrayList<>();
                for (Statistic statistic : Statistic.values()) {
                    results.add(aggregate(groupBy(sdf, scheme, key).column("x"), statistic).stream().sinkToList());
                }
                List<Table> sizes = groupBy(sdf, scheme, key).size().stream().sinkToList();
                List<Table> seen = new ArrayList<>();
                for (Table table : tables) {
                    source.emit(table);
                    seen.add(table);
                    Map<Object, Table> groups = Reference.groups(window(scheme, seen), key);
                    for (int s = 0; s < Statistic.values().length; s++) {
                        Statistic statistic = Statistic.values()[s];
                        assertGroups(groups, results.get(s).get(seen.size() - 1), key, "x",
                                group -> Reference.statistic(group.column("x"), statistic), statistic + " by " + key);
                    }
                    assertGroups(groups, sizes.get(seen.size() - 1), key, "size", group -> (double) group.rowCount(),
                            "size by " + key);
                }
            }
        });
    }

    @Test
    void groupbyAFunctionOfTheRowsEqualsGroupingByThatColumn() {
        FunctionEx<Table, Column<?>> parity = t -> t.intColumn("y").remainder(2).setName("parity");
        forEveryStreamAndScheme((random, tables, scheme) -> {
            Stream<Table> source = Stream.create();
            DataFrame sdf = DataFrame.of(source, RandomTables.example()).setIndex("time");
            Window<Table> window = scheme.of(sdf);
            GroupBy<DataFrame> byParity = window == null ? sdf.groupby(parity) : window.groupby(parity);
            List<Table> sums = byParity.sum().stream().sinkToList();
            List<Table> seen = new ArrayList<>();
            for (Table table : tables) {
                source.emit(table);
                seen.add(table);
                Table rows = window(scheme, seen);
                rows.addColumns(parity.apply(rows));
                Table result = sums.get(seen.size() - 1);
                assertEquals(List.of("parity", "k", "x", "y"), result.columnNames());
                for (String column : List.of("k", "x", "y")) {
                    assertGroups(Reference.groups(rows, "parity"), result, "parity", column,
                            group -> Reference.statistic(group.column(column), Statistic.SUM), "sum of " + column);
                }
            }
        });
    }

    @Test
    void groupbyASeriesOfTheSameFrameEqualsTablesawPerKeyForEveryScheme() {
        forEveryStreamAndScheme((random, tables, scheme) -> {
            Stream<Table> source = Stream.create();
            DataFrame sdf = DataFrame.of(source, RandomTables.example()).setIndex("time");
            Series keys = sdf.column("k");
            Window<Table> window = scheme.of(sdf);
            GroupBy<DataFrame> byK = window == null ? sdf.groupby(keys) : window.groupby(keys);
            List<Table> means = byK.column("x").mean().stream().sinkToList();
            List<Table> seen = new ArrayList<>();
            for (Table table : tables) {
                source.emit(table);
                seen.add(table);
                // The key column is named after the series.
                assertGroups(Reference.groups(window(scheme, seen), "k"), means.get(seen.size() - 1), "k", "x",
                        group -> Reference.statistic(group.column("x"), Statistic.MEAN), "mean of x by series k");
            }
        });
    }

    @Test
    void valueCountsEqualTablesawCountsPerValueForEveryScheme() {
        forEveryStreamAndScheme((random, tables, scheme) -> {
            Stream<Table> source = Stream.create();
            Series names = DataFrame.of(source, RandomTables.example()).setIndex("time").column("name");
            Window<Double> window = scheme.of(names);
            List<Table> counts = (window == null ? names.valueCounts() : window.valueCounts()).stream().sinkToList();
            List<Table> seen = new ArrayList<>();
            for (Table table : tables) {
                source.emit(table);
                seen.add(table);
                Table expected = window(scheme, seen).stringColumn("name").countByCategory();
                expected = expected.where(expected.stringColumn(0).isNotMissing()).sortAscendingOn("Category");
                Table result = counts.get(seen.size() - 1);
                assertEquals(expected.stringColumn("Category").asList(), result.stringColumn("name").asList());
                for (int row = 0; row < expected.rowCount(); row++) {
                    assertEquals(expected.intColumn("Count").getInt(row), result.doubleColumn("count").getDouble(row));
                }
            }
        });
    }

    private static GroupBy<DataFrame> groupBy(DataFrame sdf, Reference.Scheme scheme, String key) {
        Window<Table> window = scheme.of(sdf);
        return window == null ? sdf.groupby(key) : window.groupby(key);
    }

    private static Series aggregate(GroupBy<Series> groupBy, Statistic statistic) {
        switch (statistic) {
            case SUM:
                return groupBy.sum();
            case MEAN:
                return groupBy.mean();
            case COUNT:
                return groupBy.count();
            case VAR:
                return groupBy.var();
            case STD:
                return groupBy.std();
            default:
                throw new AssertionError(statistic);
        }
    }

    private static Table window(Reference.Scheme scheme, List<Table> seen) {
        return scheme.window(Reference.concat(RandomTables.example(), seen));
    }

    interface GroupValue {
        double of(Table group);
    }

    static void assertGroups(Map<Object, Table> groups, Table result, String key, String column,
                                     GroupValue expected, String what) {
        assertEquals(new ArrayList<>(groups.keySet()), result.column(key).asList(), what + ": keys");
        int row = 0;
        for (Table group : groups.values()) {
            Reference.assertClose(expected.of(group), result.doubleColumn(column).getDouble(row++),
                    what + " for key " + result.column(key).get(row - 1));
        }
    }
}
