package io.streamz.dataframe;

import tech.tablesaw.aggregate.AggregateFunctions;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The batch computations the streaming results must equal: Tablesaw over the concatenated data,
 * with pandas' conventions where Tablesaw differs (the variance of one value is NaN in pandas and
 * 0 in Tablesaw; the sum of no values is 0).
 */
final class Reference {
    private Reference() {
    }

    /** A windowing scheme: which rows of all the data so far are in the window. */
    interface Scheme {
        Table window(Table all);

        /** The streaming window over {@code frame}, or {@code null} for all history (the frame's own methods). */
        <V> Window<V> of(Frame<?, V> frame);
    }

    static Scheme allHistory() {
        return new Scheme() {
            public Table window(Table all) {
                return all;
            }

            public <V> Window<V> of(Frame<?, V> frame) {
                return null;
            }

            public String toString() {
                return "all history";
            }
        };
    }

    /** All rows so far, through {@code expanding()}. */
    static Scheme expanding() {
        return new Scheme() {
            public Table window(Table all) {
                return all;
            }

            public <V> Window<V> of(Frame<?, V> frame) {
                return frame.expanding();
            }

            public String toString() {
                return "expanding";
            }
        };
    }

    static Scheme lastRows(int n) {
        return new Scheme() {
            public Table window(Table all) {
                return all.inRange(Math.max(0, all.rowCount() - n), all.rowCount());
            }

            public <V> Window<V> of(Frame<?, V> frame) {
                return frame.window(n);
            }

            public String toString() {
                return "last " + n + " rows";
            }
        };
    }

    static Scheme timeRange(Duration range) {
        return new Scheme() {
            public Table window(Table all) {
                if (all.rowCount() == 0) {
                    return all;
                }
                long latest = millis(all, all.rowCount() - 1);
                List<Integer> rows = new ArrayList<>();
                for (int row = 0; row < all.rowCount(); row++) {
                    if (millis(all, row) > latest - range.toMillis()) {
                        rows.add(row);
                    }
                }
                return all.rows(rows.stream().mapToInt(Integer::intValue).toArray());
            }

            public <V> Window<V> of(Frame<?, V> frame) {
                return frame.window(range);
            }

            public String toString() {
                return "time range " + range;
            }
        };
    }

    private static long millis(Table table, int row) {
        return table.dateTimeColumn("time").get(row).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    /** The rows of {@code tables} one after the other. */
    static Table concat(Table example, List<Table> tables) {
        Table all = example.emptyCopy();
        tables.forEach(all::append);
        return all;
    }

    /** {@code statistic} of a column with Tablesaw, pandas' conventions for too few values. */
    static double statistic(Column<?> column, Statistic statistic) {
        double count = column.size() - column.countMissing();
        if (statistic == Statistic.COUNT) {
            return count;
        }
        NumericColumn<?> numbers = (NumericColumn<?>) column;
        switch (statistic) {
            case SUM:
                return count == 0 ? 0 : AggregateFunctions.sum.summarize(numbers);
            case MEAN:
                return count == 0 ? Double.NaN : AggregateFunctions.mean.summarize(numbers);
            case VAR:
                return count <= 1 ? Double.NaN : AggregateFunctions.variance.summarize(numbers);
            case STD:
                return count <= 1 ? Double.NaN : AggregateFunctions.stdDev.summarize(numbers);
            default:
                throw new AssertionError(statistic);
        }
    }

    /** The rows of {@code window} per non-missing value of {@code key}, sorted by key. */
    static Map<Object, Table> groups(Table window, String key) {
        Column<?> keys = window.column(key);
        Map<Object, List<Integer>> rows = new TreeMap<>();
        for (int row = 0; row < window.rowCount(); row++) {
            if (!keys.isMissing(row)) {
                Object value = keys.get(row);
                Object group = value instanceof Double d && d == 0.0 ? 0.0 : value; // pandas groups -0.0 with 0.0
                rows.computeIfAbsent(group, k -> new ArrayList<>()).add(row);
            }
        }
        Map<Object, Table> groups = new LinkedHashMap<>();
        rows.forEach((k, r) -> groups.put(k, window.rows(r.stream().mapToInt(Integer::intValue).toArray())));
        return groups;
    }

    /** Asserts that two numbers agree within rounding (NaN equals NaN). */
    static void assertClose(double expected, double actual, String message) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            assertEquals(expected, actual, message);
        } else {
            assertEquals(expected, actual, 1e-6 * Math.max(1, Math.abs(expected)), message);
        }
    }
}
