package io.streamz.dataframe;

import io.streamz.Accumulated;
import io.streamz.collections.Pipeline;
import io.streamz.collections.Streaming;
import io.streamz.dataframe.internal.Comparison;
import io.streamz.dataframe.internal.Cumulative;
import io.streamz.dataframe.internal.Elementwise;
import io.streamz.dataframe.internal.Logic;
import io.streamz.dataframe.internal.Reshape;
import io.streamz.dataframe.internal.RollingWindow;
import io.streamz.dataframe.internal.Windowing;
import io.streamz.dataframe.state.MomentsState;
import io.streamz.function.FunctionEx;
import io.streamz.spi.Checks;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.selection.Selection;

import java.time.Duration;
import java.util.List;

/**
 * What {@link DataFrame} and {@link Series} share (streamz's {@code Frame}): a stream of Tablesaw
 * {@link Table}s with the columns of an example table, some of which may form the index (pandas'
 * index, which Tablesaw does not have: here it is a list of column names). The index columns travel
 * with the rows but are not value columns: reductions and element-wise operations leave them alone,
 * and time windows read them. Because the index is columns of each table, it carries across tables
 * and to the cluster like any value. A frame has no index until {@link #setIndex} names columns or
 * {@link #numberRows()} numbers the rows of the whole stream (pandas' default index over the
 * concatenated tables); {@link #resetIndex()} without an index numbers each table's rows from 0,
 * as streamz does for frames built one by one.
 *
 * <p>Columns of one frame combine row by row ({@code sdf.column("x").gt(sdf.column("y"))},
 * {@code sdf.where(mask)}, {@code groupby(series)}) when both are computed table by table from it;
 * see {@link FrameLineage}.
 *
 * <p>A frame is <i>streaming</i> (each element holds new rows) or <i>updating</i> (each element is
 * the whole current result, e.g. of a groupby-aggregation). Reductions of an updating frame reduce
 * each element on its own; windows, rolling and cumulative operations need a streaming frame.
 *
 * <p>Every method builds a {@code map} or an {@code accumulateWithState} on the underlying stream;
 * the work runs on the emitting thread, one table at a time per operation, under the stream's back
 * pressure. Functions are {@link FunctionEx}: serializable, so the pipeline can be built again on a
 * cluster. Elements are treated as immutable: columns not changed are shared, not copied.
 *
 * @param <F> the frame type that per-element operations return
 * @param <V> what a reduction emits: a one-row {@code Table} for a DataFrame, a {@code Double} for a Series
 */
public abstract class Frame<F extends Frame<F, V>, V> extends FrameCore<F, V> {
    // The operations; what a frame is (columns, index, lineage, how a frame derives) is FrameCore's.

    Frame(Pipeline<Table> pipeline, Table example, List<String> index, boolean updating) {
        super(pipeline, example, index, updating);
    }

    /** The column {@code name} as a {@link Series}, with this frame's index. */
    public abstract Series column(String name);

    // ---------------------------------------------------------------- per element

    /** Keeps the rows that {@code selection} picks: {@code where(t -> t.stringColumn("name").isEqualTo("Alice"))}. */
    public F where(FunctionEx<Table, Selection> selection) {
        return derive(Reshape.where(Checks.notNull(selection, "where selection")), index());
    }

    /**
     * Keeps the rows where {@code mask}, a BOOLEAN Series of the same frame, is true (streamz's
     * {@code sdf[sdf.x > 1]}): {@code sdf.where(sdf.column("x").gt(1))}. A missing value counts
     * as false. The rows pair by position within each table.
     *
     * @throws IllegalArgumentException when {@code mask} is not BOOLEAN or not computed table by
     *                                  table from the same frame as this one
     */
    public F where(Series mask) {
        Checks.notNull(mask, "where mask");
        Logic.booleans(mask.example().column(mask.name()));
        String name = mask.name();
        FrameLineage filtered = lineage().pairedWith(mask.lineage(), "where(Series)", (rows, masks) -> {
            BooleanColumn keep = (BooleanColumn) masks.column(name);
            Elementwise.requireSameRows(rows.column(0), keep);
            return rows.where(keep.isTrue());
        });
        return withLineage(wrap(filtered.pipeline(), example(), index(), isUpdating()), filtered);
    }

    /** Rounds the value columns to whole numbers (streamz's {@code round()}). */
    public F round() {
        return round(0);
    }

    /** Rounds the value columns to {@code decimals} places, half to even as numpy does. */
    public F round(int decimals) {
        return derive(Elementwise.round(frameColumns().numericValues(), decimals), index());
    }

    /** The last 5 rows of each table. */
    public F tail() {
        return tail(5);
    }

    /** The last {@code n} rows of each table (of each element, as in streamz). */
    public F tail(int n) {
        return derive(Reshape.tail(Checks.notNegative(n, "tail size")), index());
    }

    /**
     * The {@code n} rows of each element with the largest values of {@code column}, largest first
     * (pandas' {@code nlargest}); rows with a missing value are left out, ties keep their order.
     * Made for updating frames, where each element is the whole current result:
     * {@code sdf.column("x").valueCounts().nlargest(2)}; on a streaming frame it picks within each table, as streamz.
     *
     * @throws IllegalArgumentException when {@code column} is not a numeric value column or {@code n} is negative
     */
    public F nlargest(int n, String column) {
        return extremes(n, column, true);
    }

    /** The {@code n} rows of each element with the smallest values of {@code column}, smallest first; as {@link #nlargest}. */
    public F nsmallest(int n, String column) {
        return extremes(n, column, false);
    }

    private F extremes(int n, String column, boolean largest) {
        Checks.notNegative(n, "number of rows");
        Checks.notNull(column, "column name");
        if (!valueColumns().contains(column)) {
            throw new IllegalArgumentException("no value column " + column + " among " + valueColumns());
        }
        frameColumns().requireNumeric(List.of(column), largest ? "nlargest" : "nsmallest");
        return derive(Reshape.extremes(column, n, largest), index());
    }

    /** Adds {@code operand} to every value (streamz's {@code sdf + 1}); numeric value columns only. */
    public F add(double operand) {
        return arithmetic(Elementwise.Arithmetic.ADD, operand);
    }

    /** Subtracts {@code operand} from every value. */
    public F subtract(double operand) {
        return arithmetic(Elementwise.Arithmetic.SUBTRACT, operand);
    }

    /** Multiplies every value by {@code operand}. */
    public F multiply(double operand) {
        return arithmetic(Elementwise.Arithmetic.MULTIPLY, operand);
    }

    /** Divides every value by {@code operand}. */
    public F divide(double operand) {
        return arithmetic(Elementwise.Arithmetic.DIVIDE, operand);
    }

    /** Raises every value to the power {@code exponent}. */
    public F pow(double exponent) {
        return arithmetic(Elementwise.Arithmetic.POW, exponent);
    }

    /** Python's floor division {@code x // operand} of every value; {@code ±inf} or NaN for 0, as numpy. */
    public F floorDivide(double operand) {
        return arithmetic(Elementwise.Arithmetic.FLOOR_DIVIDE, operand);
    }

    /** Python's modulo {@code x % operand} of every value, with the sign of {@code operand}; NaN for 0. */
    public F mod(double operand) {
        return arithmetic(Elementwise.Arithmetic.MOD, operand);
    }

    /** Whether each value is greater than {@code operand} (streamz's {@code sdf > 1}), as BOOLEAN columns; NaN gives false. */
    public F gt(double operand) {
        return compare(Comparison.GT, operand);
    }

    /** Whether each value is less than {@code operand}; NaN gives false. */
    public F lt(double operand) {
        return compare(Comparison.LT, operand);
    }

    /** Whether each value is at least {@code operand}; NaN gives false. */
    public F ge(double operand) {
        return compare(Comparison.GE, operand);
    }

    /** Whether each value is at most {@code operand}; NaN gives false. */
    public F le(double operand) {
        return compare(Comparison.LE, operand);
    }

    /** Whether each value equals {@code operand}; NaN gives false. */
    public F eq(double operand) {
        return compare(Comparison.EQ, operand);
    }

    /** Whether each value differs from {@code operand}; NaN gives true, as in pandas. */
    public F ne(double operand) {
        return compare(Comparison.NE, operand);
    }

    /**
     * The negation of every value of BOOLEAN value columns (streamz's {@code ~(sdf.x > 1)}); a
     * missing value stays missing.
     *
     * @throws IllegalArgumentException when a value column is not BOOLEAN
     */
    public F not() {
        for (String name : valueColumns()) {
            Logic.booleans(example().column(name));
        }
        return derive(Logic.not(valueColumns()), index());
    }

    /** The absolute value of every value. */
    public F abs() {
        return arithmetic(Elementwise.Arithmetic.ABS, 0);
    }

    /** The negation of every value. */
    public F neg() {
        return arithmetic(Elementwise.Arithmetic.NEG, 0);
    }

    /** Replaces each value column by {@code f} of it, same name: {@code mapColumns(c -> c.lag(1))}. */
    public F mapColumns(FunctionEx<Column<?>, ? extends Column<?>> f) {
        return derive(Elementwise.map(valueColumns(), Checks.notNull(f, "mapColumns function")), index());
    }

    private F compare(Comparison comparison, double operand) {
        frameColumns().requireNumeric(valueColumns(), comparison.symbol());
        return derive(comparison.against(valueColumns(), operand), index());
    }

    private F arithmetic(Elementwise.Arithmetic op, double operand) {
        frameColumns().requireNumeric(valueColumns(), "arithmetic");
        return derive(Elementwise.arithmetic(valueColumns(), op, operand), index());
    }

    // ---------------------------------------------------------------- reductions over all history

    /** The running sum of each numeric value column (missing values skipped). */
    public Streaming<V> sum() {
        return allHistory().sum();
    }

    /** The running mean of each numeric value column. */
    public Streaming<V> mean() {
        return allHistory().mean();
    }

    /** The running number of non-missing values of each value column. */
    public Streaming<V> count() {
        return allHistory().count();
    }

    /** The running sample variance (ddof 1) of each numeric value column. */
    public Streaming<V> var() {
        return var(1);
    }

    /** The running variance with {@code ddof} delta degrees of freedom. */
    public Streaming<V> var(int ddof) {
        return allHistory().var(ddof);
    }

    /** The running sample standard deviation (ddof 1). */
    public Streaming<V> std() {
        return std(1);
    }

    /** The running standard deviation with {@code ddof} delta degrees of freedom. */
    public Streaming<V> std(int ddof) {
        return allHistory().std(ddof);
    }

    /** The running number of values (rows times value columns, missing ones included), as pandas' {@code size}. */
    public Streaming<Long> size() {
        return allHistory().size();
    }

    /** {@code aggregation} over all history: {@code initial} then {@code onNew} for every table. */
    public <S, R> Streaming<R> aggregate(Aggregation<S, R> aggregation) {
        return allHistory().aggregate(aggregation);
    }

    /**
     * The built-in reduction {@code statistic} (ddof 1 for VAR and STD) as an {@link Aggregation},
     * whose state ({@link MomentsState}: per column the sum, the sum of squares and the count) can
     * be kept and resumed with {@link #aggregateWithState} and {@link #aggregate(Aggregation, Object)}.
     * streamz's {@code sdf.amount.mean(start=(10, 2))} is
     * {@code amount.aggregate(amount.reduction(Statistic.MEAN), new MomentsState(new double[]{10}, new double[]{0}, new double[]{2}))}.
     */
    public Aggregation<MomentsState, V> reduction(Statistic statistic) {
        return aggregations().moments(Checks.notNull(statistic, "statistic"), 1);
    }

    /**
     * {@code aggregation} over all history resumed from {@code start} (streamz's {@code start=}), a
     * state that an earlier {@link #aggregateWithState} emitted or that was built by hand: the first
     * table adds to it. A {@code null} start is the aggregation's initial state, as in streamz.
     *
     * @throws IllegalStateException when the frame is updating (each element is the whole data)
     */
    public <S, R> Streaming<R> aggregate(Aggregation<S, R> aggregation, S start) {
        return FrameAggregations.valuesOf(aggregateWithState(aggregation, start));
    }

    /**
     * {@code aggregation} over all history, emitting after each table its state along with its value
     * (streamz's {@code with_state=True}), so that another stream can resume from the state.
     */
    public <S, R> Streaming<Accumulated<S, R>> aggregateWithState(Aggregation<S, R> aggregation) {
        return aggregateWithState(aggregation, null);
    }

    /**
     * {@code aggregation} over all history from {@code start} ({@code null}: the initial state),
     * emitting its state along with its value after each table.
     *
     * @throws IllegalStateException when the frame is updating (each element is the whole data)
     */
    public <S, R> Streaming<Accumulated<S, R>> aggregateWithState(Aggregation<S, R> aggregation, S start) {
        return aggregations().withState(aggregation, start);
    }

    /** Reductions over all history, as the frame's own (not checked to be streaming: an updating frame reduces each element). */
    private Window<V> allHistory() {
        return new Window<>(this, new Windowing.AllHistory());
    }

    // ---------------------------------------------------------------- cumulative

    /** The cumulative sum of each numeric value column (a missing value stays missing). */
    public F cumsum() {
        return cumulative(Cumulative.Operation.SUM);
    }

    /** The cumulative product of each numeric value column. */
    public F cumprod() {
        return cumulative(Cumulative.Operation.PROD);
    }

    /** The cumulative minimum of each numeric value column. */
    public F cummin() {
        return cumulative(Cumulative.Operation.MIN);
    }

    /** The cumulative maximum of each numeric value column. */
    public F cummax() {
        return cumulative(Cumulative.Operation.MAX);
    }

    private F cumulative(Cumulative.Operation operation) {
        requireStreaming(operation.label());
        frameColumns().requireNumeric(valueColumns(), operation.label());
        Cumulative accumulator = new Cumulative(valueColumns(), operation);
        Table resultExample = accumulator.apply(accumulator.start(), example()).value();
        return wrap(pipeline().accumulateWithState(accumulator, accumulator.start()), resultExample, index(), false);
    }

    // ---------------------------------------------------------------- windows

    /** Aggregations over the last {@code n} rows (streamz's {@code window(n=100)}). */
    public Window<V> window(int n) {
        requireStreaming("window");
        return new Window<>(this, new Windowing.LastRows(Checks.positive(n, "window size")));
    }

    /**
     * Aggregations over the rows whose time index lies within {@code value} of the latest one
     * (streamz's {@code window(value='2h')}); the index must be one LOCAL_DATE_TIME or INSTANT
     * column, not decreasing.
     */
    public Window<V> window(Duration value) {
        requireStreaming("window");
        return new Window<>(this, new Windowing.IndexRange(Checks.positive(value, "window range"), frameColumns().timeIndex()));
    }

    /**
     * Aggregations over all rows so far (streamz's {@code expanding()}): {@code sdf.expanding().sum()}
     * emits, after each table, what {@link #sum()} emits. Unlike streamz 0.6.4, whose
     * {@code expanding().groupby} raises NotImplementedError, it also groups.
     */
    public Window<V> expanding() {
        requireStreaming("expanding");
        return allHistory();
    }

    /** Exponentially weighted aggregations with the center of mass {@code com} (streamz's {@code ewm(com)}). */
    public Ewm<V> ewm(double com) {
        return ewm(Smoothing.com(com));
    }

    /** Exponentially weighted aggregations: {@code ewm(Smoothing.span(10)).mean()}. */
    public Ewm<V> ewm(Smoothing smoothing) {
        requireStreaming("ewm");
        return new Ewm<>(this, Checks.notNull(smoothing, "smoothing"));
    }

    /** Rolling aggregations over each row and the {@code n - 1} before it; a result needs {@code n} values. */
    public Rolling<F> rolling(int n) {
        return rolling(n, n);
    }

    /** Rolling aggregations over {@code n} rows; a result needs {@code minPeriods} non-missing values. */
    public Rolling<F> rolling(int n, int minPeriods) {
        requireStreaming("rolling");
        Checks.positive(n, "rolling window size");
        if (minPeriods < 0 || minPeriods > n) {
            throw new IllegalArgumentException("minPeriods must be between 0 and the window size " + n
                    + ", was " + minPeriods);
        }
        return new Rolling<>(self(), new RollingWindow.Rows(n), minPeriods);
    }

    /** Rolling aggregations over the time range {@code (t - range, t]} of each row's time index; one value suffices. */
    public Rolling<F> rolling(Duration range) {
        requireStreaming("rolling");
        return new Rolling<>(self(), new RollingWindow.Time(Checks.positive(range, "rolling range"), frameColumns().timeIndex()), 1);
    }

    // ---------------------------------------------------------------- plot

    /**
     * streamz's {@code sdf.plot()}: draws a live line chart of {@code columns} (every numeric value
     * column when none is named; a Series: its values) in every dashboard open in this JVM, a point
     * per row from now on. Adds a sink to this frame's stream; returns this frame.
     *
     * @throws IllegalArgumentException when a column is missing or not numeric
     * @throws IllegalStateException when no dashboard is open ({@code Dashboard.start} from module
     *                               {@code streamz-dashboard} registers one in {@link PlotTargets})
     */
    public F plot(String... columns) {
        PlotTargets.draw(this, PlotTargets.open(), columns);
        return self();
    }

    /** {@link #plot(String...)} in {@code target} only, e.g. one {@code Dashboard}. */
    public F plot(PlotTarget target, String... columns) {
        PlotTargets.draw(this, List.of(Checks.notNull(target, "plot target")), columns);
        return self();
    }
}
