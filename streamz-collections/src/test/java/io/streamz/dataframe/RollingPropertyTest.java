package io.streamz.dataframe;

import io.streamz.Stream;
import tech.tablesaw.aggregate.AggregateFunctions;
import tech.tablesaw.aggregate.NumericAggregateFunction;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import static io.streamz.dataframe.Reference.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Rolling and cumulative aggregations equal Tablesaw's computations over the concatenated data, row
 * by row, for 50 random streams: every row's rolling value is the aggregate of the rows of its
 * window (a row count or a time range) and every cumulative value that of the rows so far.
 */
class RollingPropertyTest {
    private static final int STREAMS = 50;
    private static final List<String> COLUMNS = List.of("x", "y");

    @Test
    void rollingAggregationsOverRowsEqualTablesawOverEachRowsWindow() {
        for (long seed = 0; seed < STREAMS; seed++) {
            RandomTables random = new RandomTables(seed);
            List<Table> tables = random.stream();
            int n = random.windowRows();
            int minPeriods = random.nextInt(n + 1);
            check(seed, tables, frame -> frame.rolling(n, minPeriods),
                    (all, row) -> Math.max(0, row - n + 1), minPeriods);
        }
    }

    @Test
    void rollingAggregationsOverATimeRangeEqualTablesawOverEachRowsWindow() {
        for (long seed = 0; seed < STREAMS; seed++) {
            RandomTables random = new RandomTables(seed);
            List<Table> tables = random.stream();
            Duration range = random.windowRange();
            check(seed, tables, frame -> frame.rolling(range), (all, row) -> {
                int start = row;
                while (start > 0 && millis(all, start - 1) > millis(all, row) - range.toMillis()) {
                    start--;
                }
                return start;
            }, 1);
        }
    }

    @Test
    void cumulativeAggregationsEqualTablesawOverTheRowsSoFar() {
        Map<String, NumericAggregateFunction> references = Map.of("cumsum", AggregateFunctions.sum,
                "cumprod", AggregateFunctions.product, "cummin", AggregateFunctions.min,
                "cummax", AggregateFunctions.max);
        for (long seed = 0; seed < STREAMS; seed++) {
            List<Table> tables = new RandomTables(seed).stream();
            Stream<Table> source = Stream.create();
            DataFrame numbers = DataFrame.of(source, RandomTables.example()).setIndex("time").select("x", "y");
            Map<String, List<Table>> results = new LinkedHashMap<>();
            results.put("cumsum", numbers.cumsum().stream().sinkToList());
            results.put("cumprod", numbers.cumprod().stream().sinkToList());
            results.put("cummin", numbers.cummin().stream().sinkToList());
            results.put("cummax", numbers.cummax().stream().sinkToList());
            tables.forEach(source::emit);
            Table all = Reference.concat(RandomTables.example(), tables);
            for (var result : results.entrySet()) {
                Table rows = Reference.concat(result.getValue().get(0), result.getValue());
                for (String column : COLUMNS) {
                    NumericColumn<?> values = all.numberColumn(column);
                    for (int row = 0; row < all.rowCount(); row++) {
                        NumericColumn<?> soFar = (NumericColumn<?>) values.inRange(0, row + 1);
                        double expected = values.isMissing(row) ? Double.NaN
                                : references.get(result.getKey()).summarize(soFar);
                        assertClose(expected, rows.doubleColumn(column).getDouble(row),
                                "seed " + seed + ", " + result.getKey() + " of " + column + " at row " + row);
                    }
                }
            }
        }
    }

    interface WindowStart {
        int of(Table all, int row);
    }

    private static void check(long seed, List<Table> tables, Function<DataFrame, Rolling<DataFrame>> rolling,
                              WindowStart start, int minPeriods) {
        Map<String, ToDoubleFunction<NumericColumn<?>>> references = new LinkedHashMap<>();
        references.put("count", column -> column.size() - column.countMissing());
        references.put("sum", column -> Reference.statistic(column, Statistic.SUM));
        references.put("mean", column -> AggregateFunctions.mean.summarize(column));
        references.put("min", column -> AggregateFunctions.min.summarize(column));
        references.put("max", column -> AggregateFunctions.max.summarize(column));
        references.put("median", column -> AggregateFunctions.median.summarize(column));
        references.put("var", column -> Reference.statistic(column, Statistic.VAR));
        references.put("std", column -> Reference.statistic(column, Statistic.STD));
        references.put("quantile", column -> linearQuantile(column, 0.3));

        Stream<Table> source = Stream.create();
        DataFrame numbers = DataFrame.of(source, RandomTables.example()).setIndex("time").select("x", "y");
        Rolling<DataFrame> window = rolling.apply(numbers);
        Map<String, List<Table>> results = new LinkedHashMap<>();
        results.put("count", window.count().stream().sinkToList());
        results.put("sum", window.sum().stream().sinkToList());
        results.put("mean", window.mean().stream().sinkToList());
        results.put("min", window.min().stream().sinkToList());
        results.put("max", window.max().stream().sinkToList());
        results.put("median", window.median().stream().sinkToList());
        results.put("var", window.var().stream().sinkToList());
        results.put("std", window.std().stream().sinkToList());
        results.put("quantile", window.quantile(0.3).stream().sinkToList());
        tables.forEach(source::emit);

        Table all = Reference.concat(RandomTables.example(), tables);
        for (var result : results.entrySet()) {
            assertEquals(tables.size(), result.getValue().size(), "one result per table");
            Table rows = Reference.concat(result.getValue().get(0), result.getValue());
            assertEquals(all.dateTimeColumn("time").asList(), rows.dateTimeColumn("time").asList(),
                    "the index is kept");
            for (String column : COLUMNS) {
                for (int row = 0; row < all.rowCount(); row++) {
                    NumericColumn<?> windowValues =
                            (NumericColumn<?>) all.numberColumn(column).inRange(start.of(all, row), row + 1);
                    boolean tooFew = windowValues.size() - windowValues.countMissing() < minPeriods;
                    double expected = tooFew && !result.getKey().equals("count") ? Double.NaN
                            : references.get(result.getKey()).applyAsDouble(windowValues);
                    assertClose(expected, rows.doubleColumn(column).getDouble(row),
                            "seed " + seed + ", rolling " + result.getKey() + " of " + column + " at row " + row);
                }
            }
        }
    }

    /** numpy's default quantile (Tablesaw's percentile estimates differently). */
    private static double linearQuantile(NumericColumn<?> column, double q) {
        double[] sorted = Arrays.stream(column.asDoubleArray()).filter(v -> !Double.isNaN(v)).toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(sorted);
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        return sorted[below] + (sorted[(int) Math.ceil(position)] - sorted[below]) * (position - below);
    }

    private static long millis(Table table, int row) {
        return table.dateTimeColumn("time").get(row).toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}
