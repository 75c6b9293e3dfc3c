package io.streamz.dataframe.internal;

import io.streamz.Accumulated;
import io.streamz.dataframe.Aggregation;
import io.streamz.dataframe.state.EwmState;
import io.streamz.function.FunctionEx;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

import java.util.List;

/**
 * The exponentially weighted mean of all rows so far (streamz's {@code EWMean}), per column: after
 * each table, the mean after its last row, pandas' {@code ewm(alpha=...).mean()} with
 * {@code adjust=True}, {@code ignore_na=False}: {@code Σ (1-alpha)^(t-i) x_i / Σ (1-alpha)^(t-i)}
 * over the non-missing values, weights by absolute position. A missing value leaves the mean as it
 * was (streamz 0.6.4 turns the mean NaN for good instead, a bug not copied). Over all history only:
 * rows never leave.
 *
 * @param columns the columns averaged, in order
 * @param alpha   the smoothing factor
 * @param finish  turns the per-column means into the emitted value
 * @param <R>     emitted value
 */
public record EwmMean<R>(List<String> columns, double alpha, FunctionEx<double[], R> finish)
        implements Aggregation<EwmState, R> {

    /** Copies the column list. */
    public EwmMean {
        columns = List.copyOf(columns);
    }

    @Override
    public EwmState initial(Table example) {
        double[] means = new double[columns.size()];
        java.util.Arrays.fill(means, Double.NaN);
        return new EwmState(new double[columns.size()], new double[columns.size()], means);
    }

    @Override
    public Accumulated<EwmState, R> onNew(EwmState state, Table rows) {
        double[] sums = state.weightedSums().clone();
        double[] weights = state.weights().clone();
        double[] means = state.means().clone();
        double keep = 1 - alpha;
        for (int c = 0; c < columns.size(); c++) {
            NumericColumn<?> values = rows.numberColumn(columns.get(c));
            for (int row = 0; row < values.size(); row++) {
                double x = values.getDouble(row);
                sums[c] *= keep;
                weights[c] *= keep;
                if (!Double.isNaN(x)) {
                    sums[c] += x;
                    weights[c] += 1;
                    means[c] = sums[c] / weights[c];
                }
            }
        }
        return Accumulated.of(new EwmState(sums, weights, means), finish.apply(means.clone()));
    }

    /** Never called over all history. */
    @Override
    public Accumulated<EwmState, R> onOld(EwmState state, Table rows) {
        throw new UnsupportedOperationException("an exponentially weighted mean is over all history: no row leaves");
    }
}
