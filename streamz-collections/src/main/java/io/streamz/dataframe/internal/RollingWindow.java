package io.streamz.dataframe.internal;

import io.streamz.Accumulated;
import io.streamz.function.BiFunctionEx;
import io.streamz.function.FunctionEx;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

import java.io.Serializable;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.List;

/**
 * Rolling aggregations (streamz's {@code rolling_accumulator}): every new row gets the reduction of
 * the values in its window, the row itself and those before it, so each table comes out with as
 * many rows as it went in. The state is the tail of the history that later windows still need. A
 * row's reduction is {@code NaN} when its window holds fewer than {@code minPeriods} non-missing
 * values. The cost per row grows with the window, as streamz's copy per element does. The state
 * starts as {@code null} (no history), which is serializable where an empty table is not.
 *
 * @param span       the window: a number of rows or a time range
 * @param minPeriods the fewest non-missing values that give a result
 * @param columns    the columns reduced (numeric); the others are passed on unchanged
 * @param reducer    the reduction of a window's non-missing values, in row order
 */
public record RollingWindow(Span span, int minPeriods, List<String> columns, FunctionEx<double[], Double> reducer)
        implements BiFunctionEx<Table, Table, Accumulated<Table, Table>> {

    /** Copies the column list. */
    public RollingWindow {
        columns = List.copyOf(columns);
    }

    /** Where a row's window starts. */
    public sealed interface Span extends Serializable {
        /** The first row of the window that ends at {@code row} of {@code rows}. */
        int start(Table rows, int row);

        /** The rows (a suffix of {@code rows}) that windows of later rows may still reach. */
        int keepFrom(Table rows);
    }

    /**
     * The row and the {@code n - 1} rows before it.
     *
     * @param n the number of rows in a window
     */
    public record Rows(int n) implements Span {
        @Override
        public int start(Table rows, int row) {
            return Math.max(0, row - n + 1);
        }

        @Override
        public int keepFrom(Table rows) {
            return Math.max(0, rows.rowCount() - n + 1);
        }
    }

    /**
     * The rows whose time index lies in {@code (t - range, t]}, {@code t} the row's time; the index must not decrease.
     *
     * @param range the time range of a window
     * @param index the time index column
     */
    public record Time(Duration range, String index) implements Span {
        @Override
        public int start(Table rows, int row) {
            long earliest = TimeIndex.millis(rows, index, row) - range.toMillis();
            int start = row;
            while (start > 0 && TimeIndex.millis(rows, index, start - 1) > earliest) {
                start--;
            }
            return start;
        }

        @Override
        public int keepFrom(Table rows) {
            return rows.rowCount() == 0 ? 0 : start(rows, rows.rowCount() - 1);
        }
    }

    @Override
    public Accumulated<Table, Table> applyEx(Table history, Table rows) {
        boolean none = history == null || history.rowCount() == 0;
        Table all = none ? rows : RowBlocks.concat(history, rows);
        int first = none ? 0 : history.rowCount();
        Map<String, DoubleColumn> results = new HashMap<>();
        for (String name : columns) {
            NumericColumn<?> numbers = all.numberColumn(name);
            double[] out = new double[rows.rowCount()];
            for (int row = first; row < all.rowCount(); row++) {
                out[row - first] = reduce(numbers, span.start(all, row), row);
            }
            results.put(name, DoubleColumn.create(name, out));
        }
        Table kept = RowBlocks.rows(all, span.keepFrom(all), all.rowCount());
        return Accumulated.of(kept, Elementwise.replace(rows, results));
    }

    private double reduce(NumericColumn<?> numbers, int from, int to) {
        double[] values = new double[to - from + 1];
        int count = 0;
        for (int row = from; row <= to; row++) {
            double value = numbers.getDouble(row);
            if (!Double.isNaN(value)) {
                values[count++] = value;
            }
        }
        if (count < minPeriods) {
            return Double.NaN;
        }
        return reducer.apply(count == values.length ? values : java.util.Arrays.copyOf(values, count));
    }
}
