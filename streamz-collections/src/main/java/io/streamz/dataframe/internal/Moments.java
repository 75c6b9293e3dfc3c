package io.streamz.dataframe.internal;

import io.streamz.Accumulated;
import io.streamz.dataframe.Aggregation;
import io.streamz.dataframe.Statistic;
import io.streamz.dataframe.state.MomentsState;
import io.streamz.function.FunctionEx;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.util.List;

/**
 * The built-in reductions ({@code sum}, {@code mean}, {@code count}, {@code var}, {@code std}) as one
 * {@link Aggregation}: it keeps, per column, the running sum, sum of squares and count of the
 * non-missing values (streamz's {@code Sum}, {@code Mean}, {@code Count} and {@code Var} keep the
 * same), and turns the statistic of every column into the emitted value with {@code finish}.
 *
 * @param columns   the columns reduced, in order
 * @param statistic what is emitted
 * @param ddof      delta degrees of freedom of VAR and STD
 * @param finish    turns the per-column statistics into the emitted value (a one-row table, a number)
 * @param <R>       emitted value
 */
public record Moments<R>(List<String> columns, Statistic statistic, int ddof, FunctionEx<double[], R> finish)
        implements Aggregation<MomentsState, R> {

    /** Copies the column list. */
    public Moments {
        columns = List.copyOf(columns);
    }

    @Override
    public MomentsState initial(Table example) {
        int n = columns.size();
        return new MomentsState(new double[n], new double[n], new double[n]);
    }

    @Override
    public Accumulated<MomentsState, R> onNew(MomentsState state, Table rows) {
        return update(state, rows, 1);
    }

    @Override
    public Accumulated<MomentsState, R> onOld(MomentsState state, Table rows) {
        return update(state, rows, -1);
    }

    private Accumulated<MomentsState, R> update(MomentsState state, Table rows, int sign) {
        MomentsState next = new MomentsState(state.sums().clone(), state.sumsOfSquares().clone(), state.counts().clone());
        for (int c = 0; c < columns.size(); c++) {
            Column<?> column = rows.column(columns.get(c));
            if (column instanceof NumericColumn<?> numbers) {
                addNumbers(next, c, numbers, sign);
            } else {
                next.counts()[c] += sign * (column.size() - column.countMissing());
            }
        }
        return Accumulated.of(next, finish.apply(results(next)));
    }

    private static void addNumbers(MomentsState state, int c, NumericColumn<?> numbers, int sign) {
        double sum = 0;
        double squares = 0;
        int count = 0;
        for (int row = 0; row < numbers.size(); row++) {
            double value = numbers.getDouble(row);
            if (!Double.isNaN(value)) {
                sum += value;
                squares += value * value;
                count++;
            }
        }
        state.sums()[c] += sign * sum;
        state.sumsOfSquares()[c] += sign * squares;
        state.counts()[c] += sign * count;
    }

    private double[] results(MomentsState state) {
        double[] results = new double[columns.size()];
        for (int c = 0; c < results.length; c++) {
            results[c] = statistic.of(state.sums()[c], state.sumsOfSquares()[c], state.counts()[c], ddof);
        }
        return results;
    }
}
