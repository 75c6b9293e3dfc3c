package io.streamz.dataframe.internal;

import io.streamz.Accumulated;
import io.streamz.function.BiFunctionEx;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code cumsum}, {@code cumprod}, {@code cummin}, {@code cummax} (streamz's
 * {@code _cumulative_accumulator}): every row gets the running result of its column so far. The
 * state is the running value per column ({@code NaN} before the first value). A missing value
 * stays missing and leaves the running value as it was, as pandas does over the whole data;
 * streamz 0.6.4 instead restarts from the missing value when it ends a table, a bug not copied.
 *
 * @param columns   the columns accumulated (numeric); the others are passed on unchanged
 * @param operation the running operation
 */
public record Cumulative(List<String> columns, Operation operation)
        implements BiFunctionEx<double[], Table, Accumulated<double[], Table>> {

    /** Copies the column list. */
    public Cumulative {
        columns = List.copyOf(columns);
    }

    /** The running operations. */
    public enum Operation {
        /** {@code cumsum}. */
        SUM,
        /** {@code cumprod}. */
        PROD,
        /** {@code cummin}. */
        MIN,
        /** {@code cummax}. */
        MAX;

        double apply(double running, double value) {
            switch (this) {
                case SUM:
                    return running + value;
                case PROD:
                    return running * value;
                case MIN:
                    return Math.min(running, value);
                case MAX:
                    return Math.max(running, value);
                default:
                    throw new AssertionError(this);
            }
        }

        /** The streamz name: {@code cumsum}, {@code cumprod}, {@code cummin}, {@code cummax}. */
        public String label() {
            return "cum" + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The state before any row: no running value yet. */
    public double[] start() {
        double[] running = new double[columns.size()];
        java.util.Arrays.fill(running, Double.NaN);
        return running;
    }

    @Override
    public Accumulated<double[], Table> applyEx(double[] state, Table rows) {
        double[] running = state.clone();
        Map<String, DoubleColumn> results = new HashMap<>();
        for (int c = 0; c < columns.size(); c++) {
            var numbers = rows.numberColumn(columns.get(c));
            double[] out = new double[rows.rowCount()];
            for (int row = 0; row < out.length; row++) {
                double value = numbers.getDouble(row);
                if (Double.isNaN(value)) {
                    out[row] = Double.NaN;
                } else {
                    running[c] = Double.isNaN(running[c]) ? value : operation.apply(running[c], value);
                    out[row] = running[c];
                }
            }
            results.put(columns.get(c), DoubleColumn.create(columns.get(c), out));
        }
        return Accumulated.of(running, Elementwise.replace(rows, results));
    }
}
