package io.streamz.dataframe;

import io.streamz.collections.Streaming;
import io.streamz.dataframe.internal.KeptRows;
import io.streamz.dataframe.internal.Reducers;
import io.streamz.dataframe.internal.Reshape;
import io.streamz.dataframe.internal.RollingWindow;
import io.streamz.function.FunctionEx;
import io.streamz.spi.Checks;
import tech.tablesaw.api.Table;

import java.util.List;

/**
 * Rolling aggregations (streamz's {@code Rolling}, mimicking pandas' {@code rolling}): every row
 * gets the aggregation of its window, a fixed number of rows ({@link Frame#rolling(int)}) or a time
 * range ({@link Frame#rolling(java.time.Duration)}) ending at the row, so the result has the rows
 * and index of the input with DOUBLE values: {@code sdf.rolling(10).column("x").mean()}.
 *
 * <p>A row whose window holds fewer than {@code minPeriods} non-missing values gets a missing
 * value ({@code count} excepted, which always counts). The state keeps the rows that later windows
 * still need; each table is combined with them (a copy per element, as in streamz), on the emitting
 * thread, under the stream's back pressure.
 *
 * @param <F> the frame type of the results: a {@link DataFrame} or a {@link Series}
 */
public final class Rolling<F extends Frame<F, ?>> {
    private final F root;
    private final RollingWindow.Span span;
    private final int minPeriods;
    /** The rows before the first table, from an earlier stream's {@link #history()}; null for none. */
    private final Table start;

    Rolling(F root, RollingWindow.Span span, int minPeriods) {
        this(root, span, minPeriods, null);
    }

    private Rolling(F root, RollingWindow.Span span, int minPeriods, Table start) {
        this.root = root;
        this.span = span;
        this.minPeriods = minPeriods;
        this.start = start;
    }

    /**
     * The same rolling window resumed from {@code history}, rows that came before the first table
     * (streamz's {@code rolling(n, start=state)}): typically the last element of another stream's
     * {@link #history()}. The first windows reach back into them; no result is emitted for them.
     *
     * @throws IllegalArgumentException when {@code history} does not have the frame's columns
     */
    public Rolling<F> from(Table history) {
        root.verify(history);
        return new Rolling<>(root, span, minPeriods, history.copy());
    }

    /**
     * After each table, the rows this window keeps for later windows (streamz's
     * {@code rolling(n, with_state=True)} state), to resume another stream with {@link #from}. Over
     * {@code n} rows these are the last {@code n - 1} (streamz keeps {@code n}, one more than any
     * later window reads).
     */
    public Streaming<Table> history() {
        KeptRows kept = new KeptRows(new RollingWindow(span, minPeriods, List.of(), Reducers.sum()));
        return Streaming.of(root.pipeline().accumulateWithState(kept, start), root.example());
    }

    /** The same rolling window over the one column {@code name} (streamz's {@code rolling(10).x}). */
    public Rolling<Series> column(String name) {
        Series series = root.column(name);
        Table history = start == null ? null : Reshape.select(series.example().columnNames()).apply(start);
        return new Rolling<>(series, span, minPeriods, history);
    }

    /** The number of non-missing values in each row's window. */
    public F count() {
        return roll(Reducers.count(), 0);
    }

    /** The largest value in each row's window. */
    public F max() {
        return roll(Reducers.max(), minPeriods);
    }

    /** The mean of each row's window. */
    public F mean() {
        return roll(Reducers.mean(), minPeriods);
    }

    /** The median of each row's window. */
    public F median() {
        return roll(Reducers.median(), minPeriods);
    }

    /** The smallest value in each row's window. */
    public F min() {
        return roll(Reducers.min(), minPeriods);
    }

    /** The {@code q} quantile ({@code 0 <= q <= 1}) of each row's window, linear between the nearest values. */
    public F quantile(double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("quantile must be between 0 and 1, was " + q);
        }
        return roll(Reducers.quantile(q), minPeriods);
    }

    /** The sample standard deviation (ddof 1) of each row's window. */
    public F std() {
        return std(1);
    }

    /** The standard deviation with {@code ddof} delta degrees of freedom of each row's window. */
    public F std(int ddof) {
        return roll(Reducers.std(Checks.notNegative(ddof, "ddof")), minPeriods);
    }

    /** The sum of each row's window. */
    public F sum() {
        return roll(Reducers.sum(), minPeriods);
    }

    /** The sample variance (ddof 1) of each row's window. */
    public F var() {
        return var(1);
    }

    /** The variance with {@code ddof} delta degrees of freedom of each row's window. */
    public F var(int ddof) {
        return roll(Reducers.var(Checks.notNegative(ddof, "ddof")), minPeriods);
    }

    /**
     * {@code f} of each row's window (streamz's {@code aggregate}): it gets the window's non-missing
     * values in row order, e.g. {@code aggregate(values -> values[values.length - 1] - values[0])}.
     */
    public F aggregate(FunctionEx<double[], Double> f) {
        return roll(Checks.notNull(f, "rolling aggregate function"), minPeriods);
    }

    private F roll(FunctionEx<double[], Double> reducer, int periods) {
        List<String> columns = root.valueColumns();
        root.frameColumns().requireNumeric(columns, "rolling");
        RollingWindow accumulator = new RollingWindow(span, periods, columns, reducer);
        Table resultExample = accumulator.apply(null, root.example()).value();
        return root.wrap(root.pipeline().accumulateWithState(accumulator, start), resultExample, root.index(), false);
    }

    @Override
    public String toString() {
        return "Rolling(" + span + ", minPeriods " + minPeriods + ") of " + root;
    }
}
