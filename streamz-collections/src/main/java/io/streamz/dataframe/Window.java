package io.streamz.dataframe;

import io.streamz.Accumulated;
import io.streamz.collections.Streaming;
import io.streamz.dataframe.internal.Full;
import io.streamz.dataframe.internal.Size;
import io.streamz.dataframe.internal.Windowing;
import io.streamz.dataframe.state.WindowState;
import io.streamz.function.FunctionEx;
import io.streamz.spi.Checks;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Aggregations over a sliding window of a streaming frame (streamz's {@code Window}): the last
 * {@code n} rows ({@link Frame#window(int)}) or the rows within a time range of the latest
 * ({@link Frame#window(java.time.Duration)}). After every table, the window's rows are updated (new
 * rows in, old rows out) and the aggregation over them is emitted:
 * {@code sdf.window(100).column("amount").sum()}.
 *
 * <p>The window keeps its rows in the state of an {@code accumulateWithState} on the underlying
 * stream; each aggregation is told of new and of leaving rows (see {@link Aggregation}), so its cost
 * per table follows the rows that move, not the window's size ({@link #full()} and {@link #apply}
 * excepted). Runs on the emitting thread, under the stream's back pressure.
 *
 * @param <V> what a reduction emits: a one-row {@code Table} over a DataFrame, a {@code Double} over a Series
 */
public final class Window<V> {
    private final Frame<?, V> root;
    private final Windowing windowing;

    Window(Frame<?, V> root, Windowing windowing) {
        this.root = root;
        this.windowing = windowing;
    }

    /** The same window over the one column {@code name} (streamz's {@code window(n).x}). */
    public Window<Double> column(String name) {
        return new Window<>(root.column(name), windowing);
    }

    /** The sum of each numeric value column within the window. */
    public Streaming<V> sum() {
        return root.aggregations().reduce(windowing, Statistic.SUM, 0);
    }

    /** The mean of each numeric value column within the window. */
    public Streaming<V> mean() {
        return root.aggregations().reduce(windowing, Statistic.MEAN, 0);
    }

    /** The number of non-missing values of each value column within the window. */
    public Streaming<V> count() {
        return root.aggregations().reduce(windowing, Statistic.COUNT, 0);
    }

    /** The sample variance (ddof 1) within the window. */
    public Streaming<V> var() {
        return var(1);
    }

    /** The variance with {@code ddof} delta degrees of freedom within the window. */
    public Streaming<V> var(int ddof) {
        return root.aggregations().reduce(windowing, Statistic.VAR, Checks.notNegative(ddof, "ddof"));
    }

    /** The sample standard deviation (ddof 1) within the window. */
    public Streaming<V> std() {
        return std(1);
    }

    /** The standard deviation with {@code ddof} delta degrees of freedom within the window. */
    public Streaming<V> std(int ddof) {
        return root.aggregations().reduce(windowing, Statistic.STD, Checks.notNegative(ddof, "ddof"));
    }

    /** The number of values within the window: rows times value columns. */
    public Streaming<Long> size() {
        return root.aggregations().over(windowing, new Size(root.valueColumns().size()));
    }

    /** A user {@link Aggregation} over the window: {@code onNew} for arriving rows, {@code onOld} for leaving ones. */
    public <S, R> Streaming<R> aggregate(Aggregation<S, R> aggregation) {
        return root.aggregations().over(windowing, Checks.notNull(aggregation, "aggregation"));
    }

    /**
     * {@code aggregation} over the window, emitting after each table the window's state (the rows
     * it holds and the aggregation's state) with the value (streamz's {@code window(n, with_state=True)}),
     * from {@code start}: a state emitted earlier, e.g. by another stream, or {@code null} for an
     * empty window (streamz's {@code start=}). The built-in reductions are aggregations too:
     * {@code window.aggregateWithState(sdf.reduction(Statistic.MEAN), null)}.
     *
     * @throws IllegalStateException when the frame is updating
     */
    public <S, R> Streaming<Accumulated<WindowState<S>, R>> aggregateWithState(
            Aggregation<S, R> aggregation, WindowState<S> start) {
        return root.aggregations().overWithState(windowing, aggregation, start);
    }

    /** {@code aggregation} over the window resumed from {@code start}, a state {@link #aggregateWithState} emitted. */
    public <S, R> Streaming<R> aggregate(Aggregation<S, R> aggregation, WindowState<S> start) {
        return FrameAggregations.valuesOf(aggregateWithState(aggregation, start));
    }

    /** Every row within the window, as one table (a copy per element: costs what the window holds). */
    public Streaming<Table> full() {
        return root.aggregations().over(windowing, new Full());
    }

    /** {@code f} of the table of every row within the window (streamz's {@code apply}). */
    public <R> Streaming<R> apply(FunctionEx<Table, R> f) {
        return full().mapPartitions(Checks.notNull(f, "apply function"));
    }

    /** How often each value occurs within the window, for a Series window; values that left are dropped. */
    public Series valueCounts() {
        if (!(root instanceof Series series)) {
            throw new IllegalStateException("valueCounts counts the values of one column: call column(name) first");
        }
        return series.valueCounts(windowing);
    }

    /** Groupby-aggregations within the window, keyed by the columns {@code keys}. */
    public GroupBy<DataFrame> groupby(String... keys) {
        return frame().groupby(windowing, keys);
    }

    /** Groupby-aggregations within the window, keyed by a row-wise function of each table. */
    public GroupBy<DataFrame> groupby(FunctionEx<Table, ? extends Column<?>> grouper) {
        return frame().groupby(windowing, grouper);
    }

    /**
     * Groupby-aggregations within the window, keyed by a Series computed table by table from the
     * same frame (streamz's {@code window(n).groupby(sdf.x % 2)}): {@code sdf.window(100).groupby(sdf.column("x").mod(2))}.
     *
     * @throws IllegalArgumentException when {@code keys} does not come from the window's frame
     */
    public GroupBy<DataFrame> groupby(Series keys) {
        return frame().groupby(windowing, keys);
    }

    private DataFrame frame() {
        return root instanceof Series series ? series.toFrame() : (DataFrame) root;
    }

    @Override
    public String toString() {
        return "Window(" + windowing + ") of " + root;
    }
}
