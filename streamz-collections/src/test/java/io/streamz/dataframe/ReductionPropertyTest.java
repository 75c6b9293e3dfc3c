package io.streamz.dataframe;

import io.streamz.Stream;
import io.streamz.collections.Streaming;
import tech.tablesaw.api.Table;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.streamz.dataframe.Reference.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every streaming reduction, under every windowing scheme, equals Tablesaw's computation over the
 * window of the concatenated data, after every table of 50 random streams.
 */
class ReductionPropertyTest {
    private static final int STREAMS = 50;
    private static final Statistic[] STATISTICS = Statistic.values();

    @Test
    void seriesReductionsEqualTablesawOverTheWindowForEveryScheme() {
        forEveryStreamAndScheme((random, tables, scheme) -> {
            for (String column : List.of("x", "y")) {
                Stream<Table> source = Stream.create();
                Series series = DataFrame.of(source, RandomTables.example()).setIndex("time").column(column);
                List<List<Double>> results = new ArrayList<>();
                for (Statistic statistic : STATISTICS) {
                    results.add(reduce(series, scheme, statistic).stream().sinkToList());
                }
                List<Long> sizes = (scheme.of(series) == null ? series.size() : scheme.of(series).size())
                        .stream().sinkToList();
                List<Table> seen = new ArrayList<>();
                for (Table table : tables) {
                    source.emit(table);
                    seen.add(table);
                    Table window = scheme.window(Reference.concat(RandomTables.example(), seen));
                    for (int s = 0; s < STATISTICS.length; s++) {
                        assertClose(Reference.statistic(window.column(column), STATISTICS[s]),
                                results.get(s).get(seen.size() - 1),
                                STATISTICS[s] + " of " + column + " over " + scheme);
                    }
                    assertEquals(window.rowCount(), sizes.get(seen.size() - 1), "size over " + scheme);
                }
            }
        });
    }

    @Test
    void dataFrameReductionsGiveOneRowOfEveryValueColumnForEveryScheme() {
        forEveryStreamAndScheme((random, tables, scheme) -> {
            Stream<Table> source = Stream.create();
            DataFrame sdf = DataFrame.of(source, RandomTables.example()).setIndex("time");
            List<List<Table>> results = new ArrayList<>();
            for (Statistic statistic : STATISTICS) {
                results.add(reduce(sdf, scheme, statistic).stream().sinkToList());
            }
            List<Table> seen = new ArrayList<>();
            for (Table table : tables) {
                source.emit(table);
                seen.add(table);
                Table window = scheme.window(Reference.concat(RandomTables.example(), seen));
                for (int s = 0; s < STATISTICS.length; s++) {
                    Table row = results.get(s).get(seen.size() - 1);
                    List<String> expectedColumns = STATISTICS[s] == Statistic.COUNT
                            ? List.of("name", "k", "x", "y") : List.of("k", "x", "y");
                    assertEquals(expectedColumns, row.columnNames());
                    for (String column : expectedColumns) {
                        assertClose(Reference.statistic(window.column(column), STATISTICS[s]),
                                row.doubleColumn(column).getDouble(0),
                                STATISTICS[s] + " of " + column + " over " + scheme);
                    }
                }
            }
        });
    }

    @Test
    void theSeedsMeanAggregationEqualsTablesawsMeanForEveryScheme() {
        forEveryStreamAndScheme((random, tables, scheme) -> {
            Stream<Table> source = Stream.create();
            DataFrame sdf = DataFrame.of(source, RandomTables.example()).setIndex("time");
            Window<Table> window = scheme.of(sdf);
            Streaming<Double> means = window == null ? sdf.aggregate(new Mean()) : window.aggregate(new Mean());
            List<Double> results = means.stream().sinkToList();
            List<Table> seen = new ArrayList<>();
            for (Table table : tables) {
                source.emit(table);
                seen.add(table);
                Table rows = scheme.window(Reference.concat(RandomTables.example(), seen));
                double result = results.get(seen.size() - 1);
                if (rows.column("x").size() == rows.column("x").countMissing()) {
                    // The seed's Mean divides the rounding residue of its total by a count of 0.
                    assertFalse(Double.isFinite(result), "Mean of no values over " + scheme + " was " + result);
                } else {
                    assertClose(Reference.statistic(rows.column("x"), Statistic.MEAN), result, "Mean over " + scheme);
                }
            }
        });
    }

    static <V> Streaming<V> reduce(Frame<?, V> frame, Reference.Scheme scheme, Statistic statistic) {
        Window<V> window = scheme.of(frame);
        switch (statistic) {
            case SUM:
                return window == null ? frame.sum() : window.sum();
            case MEAN:
                return window == null ? frame.mean() : window.mean();
            case COUNT:
                return window == null ? frame.count() : window.count();
            case VAR:
                return window == null ? frame.var() : window.var();
            case STD:
                return window == null ? frame.std() : window.std();
            default:
                throw new AssertionError(statistic);
        }
    }

    /** What a property checks for one random stream under one scheme. */
    interface Property {
        void check(RandomTables random, List<Table> tables, Reference.Scheme scheme);
    }

    /** Runs {@code property} on 50 seeded random streams, each under every windowing scheme. */
    static void forEveryStreamAndScheme(Property property) {
        for (long seed = 0; seed < STREAMS; seed++) {
            RandomTables random = new RandomTables(seed);
            List<Table> tables = random.stream();
            for (Reference.Scheme scheme : List.of(Reference.allHistory(), Reference.expanding(),
                    Reference.lastRows(random.windowRows()),
                    Reference.timeRange(random.windowRange()))) {
                try {
                    property.check(random, tables, scheme);
                } catch (AssertionError e) {
                    throw new AssertionError("seed " + seed + ", " + scheme + ": " + e.getMessage(), e);
                }
            }
        }
    }
}
