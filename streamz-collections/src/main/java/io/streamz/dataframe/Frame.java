package io.streamz.dataframe;

import io.streamz.Accumulated;
import io.streamz.collections.Pipeline;
import io.streamz.collections.Streaming;
import io.streamz.dataframe.ops.Comparison;
import io.streamz.dataframe.ops.Cumulative;
import io.streamz.dataframe.ops.Elementwise;
import io.streamz.dataframe.ops.GroupMoments;
import io.streamz.dataframe.ops.KeyedMoments;
import io.streamz.dataframe.ops.Logic;
import io.streamz.dataframe.ops.Moments;
import io.streamz.dataframe.ops.Reshape;
import io.streamz.dataframe.ops.RollingWindow;
import io.streamz.dataframe.ops.RowNumbers;
import io.streamz.dataframe.ops.Schema;
import io.streamz.dataframe.ops.Size;
import io.streamz.dataframe.ops.Statistic;
import io.streamz.dataframe.ops.TimeIndex;
import io.streamz.dataframe.ops.WindowAccumulator;
import io.streamz.dataframe.ops.WindowMoves;
import io.streamz.dataframe.ops.Windowing;
import io.streamz.dataframe.ops.WithState;
import io.streamz.function.BiFunctionEx;
import io.streamz.function.FunctionEx;
import io.streamz.spi.Checks;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.selection.Selection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
 * see {@link Lineage}.
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
public abstract class Frame<F extends Frame<F, V>, V> extends Streaming<Table> {
    private final List<String> index;
    private final boolean updating;
    private final Schema schema;
    /** How this frame's tables come from an earlier frame's: set by {@link #derive}, else its own. */
    private Lineage lineage;

    Frame(Pipeline<Table> pipeline, Table example, List<String> index, boolean updating) {
        super(pipeline, Objects.requireNonNull(example, "example must not be null: pass a Table with the columns")
                .emptyCopy());
        this.index = List.copyOf(index);
        this.updating = updating;
        this.schema = Schema.of(example);
        this.lineage = Lineage.of(pipeline);
        for (String name : this.index) {
            requireColumn(name);
        }
    }

    /** A frame of this kind at the end of {@code pipeline}. */
    abstract F wrap(Pipeline<Table> pipeline, Table example, List<String> index, boolean updating);

    /** Turns per-column reduction results into what a reduction emits. */
    abstract FunctionEx<double[], V> collapse(List<String> columns);

    /** The column {@code name} as a {@link Series}, with this frame's index. */
    public abstract Series column(String name);

    // ---------------------------------------------------------------- shape

    /** The index columns (none unless {@link #setIndex} was called). */
    public final List<String> index() {
        return index;
    }

    /** Whether each element is the whole current result (a groupby result) rather than new rows. */
    public final boolean isUpdating() {
        return updating;
    }

    /** The columns that are not in the index, in order. */
    List<String> valueColumns() {
        List<String> values = new ArrayList<>(example().columnNames());
        values.removeAll(index);
        return values;
    }

    /** The numeric value columns. */
    List<String> numericValueColumns() {
        List<String> numeric = new ArrayList<>();
        for (String name : valueColumns()) {
            if (example().column(name) instanceof NumericColumn<?>) {
                numeric.add(name);
            }
        }
        return numeric;
    }

    /** The value columns a reduction of {@code statistic} covers: the numeric ones, all for COUNT. */
    List<String> reducedColumns(Statistic statistic) {
        return statistic.numeric() ? numericValueColumns() : valueColumns();
    }

    /** Checks that {@code x} has this frame's column names and types, in order (IllegalArgumentException if not). */
    @Override
    public void verify(Table x) {
        super.verify(x);
        if (!schema.matches(x)) {
            throw new IllegalArgumentException("Input expected to have columns " + schema + ", got " + Schema.of(x));
        }
    }

    // ---------------------------------------------------------------- per element

    /** Keeps the rows that {@code selection} picks: {@code where(t -> t.stringColumn("name").isEqualTo("Alice"))}. */
    public F where(FunctionEx<Table, Selection> selection) {
        return derive(Reshape.where(Checks.notNull(selection, "where selection")), index);
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
        lineage.requireSameBase(mask.lineage(), "where(Series)");
        FunctionEx<Table, Table> mine = lineage.rows();
        FunctionEx<Table, Table> theirs = mask.lineage().rows();
        String name = mask.name();
        FunctionEx<Table, Table> filtered = table -> {
            Table rows = mine.apply(table);
            BooleanColumn keep = (BooleanColumn) theirs.apply(table).column(name);
            Elementwise.requireSameRows(rows.column(0), keep);
            return rows.where(keep.isTrue());
        };
        F result = wrap(lineage.base().map(filtered), example(), index, updating);
        return withLineage(result, new Lineage(lineage.base(), filtered));
    }

    /** Rounds the value columns to whole numbers (streamz's {@code round()}). */
    public F round() {
        return round(0);
    }

    /** Rounds the value columns to {@code decimals} places, half to even as numpy does. */
    public F round(int decimals) {
        return derive(Elementwise.round(numericValueColumns(), decimals), index);
    }

    /** The last 5 rows of each table. */
    public F tail() {
        return tail(5);
    }

    /** The last {@code n} rows of each table (of each element, as in streamz). */
    public F tail(int n) {
        return derive(Reshape.tail(Checks.notNegative(n, "tail size")), index);
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
        requireNumeric(List.of(column), largest ? "nlargest" : "nsmallest");
        return derive(Reshape.extremes(column, n, largest), index);
    }

    /** Makes {@code columns} the index: they are no longer value columns. */
    public F setIndex(String... columns) {
        Checks.notNull(columns, "index columns");
        if (columns.length == 0) {
            throw new IllegalArgumentException("setIndex needs a column: use resetIndex() to drop the index");
        }
        for (String column : columns) {
            requireColumn(column);
        }
        return sameTables(wrap(pipeline(), example(), List.of(columns), updating));
    }

    /**
     * The index back to value columns, as a DataFrame (pandas' {@code reset_index()}, which gives a
     * DataFrame for a Series too: {@code df.x.reset_index()} has the columns {@code index, x}).
     * Without an index, adds a first column {@code index} of row numbers, as pandas.
     *
     * @throws IllegalArgumentException when the frame has no index and a column is already named {@code index}
     */
    public DataFrame resetIndex() {
        if (!index.isEmpty()) {
            return sameTables(new DataFrame(pipeline(), example(), List.of(), updating));
        }
        requireAbsent("index");
        FunctionEx<Table, Table> numbered = Reshape.rowNumbers("index");
        return withLineage(new DataFrame(pipeline().map(numbered), numbered.apply(example()), List.of(), updating),
                lineage.then(numbered));
    }

    /**
     * Numbers the rows 0, 1, 2, … across all tables and makes the numbers the index, a first LONG
     * column {@code index}: pandas' default index, carried across tables as if they were one frame
     * ({@code pd.concat(tables, ignore_index=True)}). streamz keeps the index each incoming pandas
     * frame has; a Tablesaw table has none, so this is how a stream gets one that
     * {@link #indexSeries()} and {@code groupby(sdf.indexSeries().mod(2))} can use. A running
     * count ({@code accumulateWithState}), so on the cluster too the numbers follow the stream's order.
     *
     * @throws IllegalStateException    when the frame is updating or already has an index
     * @throws IllegalArgumentException when a column is already named {@code index}
     */
    public F numberRows() {
        requireStreaming("numberRows");
        if (!index.isEmpty()) {
            throw new IllegalStateException("numberRows makes a new index, but the frame has the index " + index
                    + ": call resetIndex() first");
        }
        requireAbsent("index");
        RowNumbers numbering = new RowNumbers("index");
        Table resultExample = numbering.apply(0L, example()).value();
        return wrap(pipeline().accumulateWithState(numbering, 0L), resultExample, List.of("index"), false);
    }

    /**
     * The index as a Series of its values (streamz's {@code sdf.index}), e.g. for
     * {@code sdf.indexSeries().add(5)} or {@code groupby(sdf.indexSeries().mod(2))}. The Series has
     * no index of its own and combines with the columns of this frame.
     *
     * @throws IllegalStateException unless the index is one column (see {@link #numberRows()} and {@link #setIndex})
     */
    public Series indexSeries() {
        if (index.size() != 1) {
            throw new IllegalStateException("indexSeries needs an index of one column, the index is " + index
                    + ": call numberRows() or setIndex(column) first");
        }
        FunctionEx<Table, Table> select = Reshape.select(index);
        return withLineage(new Series(pipeline().map(select), select.apply(example()), List.of(), updating),
                lineage.then(select));
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
        return derive(Logic.not(valueColumns()), index);
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
        return derive(Elementwise.map(valueColumns(), Checks.notNull(f, "mapColumns function")), index);
    }

    private F compare(Comparison comparison, double operand) {
        requireNumeric(valueColumns(), comparison.symbol());
        return derive(comparison.against(valueColumns(), operand), index);
    }

    private F arithmetic(Elementwise.Arithmetic op, double operand) {
        requireNumeric(valueColumns(), "arithmetic");
        return derive(Elementwise.arithmetic(valueColumns(), op, operand), index);
    }

    // ---------------------------------------------------------------- reductions over all history

    /** The running sum of each numeric value column (missing values skipped). */
    public Streaming<V> sum() {
        return reduce(new Windowing.AllHistory(), Statistic.SUM, 0);
    }

    /** The running mean of each numeric value column. */
    public Streaming<V> mean() {
        return reduce(new Windowing.AllHistory(), Statistic.MEAN, 0);
    }

    /** The running number of non-missing values of each value column. */
    public Streaming<V> count() {
        return reduce(new Windowing.AllHistory(), Statistic.COUNT, 0);
    }

    /** The running sample variance (ddof 1) of each numeric value column. */
    public Streaming<V> var() {
        return var(1);
    }

    /** The running variance with {@code ddof} delta degrees of freedom. */
    public Streaming<V> var(int ddof) {
        return reduce(new Windowing.AllHistory(), Statistic.VAR, Checks.notNegative(ddof, "ddof"));
    }

    /** The running sample standard deviation (ddof 1). */
    public Streaming<V> std() {
        return std(1);
    }

    /** The running standard deviation with {@code ddof} delta degrees of freedom. */
    public Streaming<V> std(int ddof) {
        return reduce(new Windowing.AllHistory(), Statistic.STD, Checks.notNegative(ddof, "ddof"));
    }

    /** The running number of values (rows times value columns, missing ones included), as pandas' {@code size}. */
    public Streaming<Long> size() {
        return aggregateOver(new Windowing.AllHistory(), new Size(valueColumns().size()));
    }

    /** {@code aggregation} over all history: {@code initial} then {@code onNew} for every table. */
    public <S, R> Streaming<R> aggregate(Aggregation<S, R> aggregation) {
        return aggregateOver(new Windowing.AllHistory(), Checks.notNull(aggregation, "aggregation"));
    }

    /**
     * The built-in reduction {@code statistic} (ddof 1 for VAR and STD) as an {@link Aggregation},
     * whose state ({@link Moments.State}: per column the sum, the sum of squares and the count) can
     * be kept and resumed with {@link #aggregateWithState} and {@link #aggregate(Aggregation, Object)}.
     * streamz's {@code sdf.amount.mean(start=(10, 2))} is
     * {@code amount.aggregate(amount.reduction(Statistic.MEAN), new Moments.State(new double[]{10}, new double[]{0}, new double[]{2}))}.
     */
    public Moments<V> reduction(Statistic statistic) {
        List<String> columns = reducedColumns(Checks.notNull(statistic, "statistic"));
        return new Moments<>(columns, statistic, 1, collapse(columns));
    }

    /**
     * {@code aggregation} over all history resumed from {@code start} (streamz's {@code start=}), a
     * state that an earlier {@link #aggregateWithState} emitted or that was built by hand: the first
     * table adds to it. A {@code null} start is the aggregation's initial state, as in streamz.
     *
     * @throws IllegalStateException when the frame is updating (each element is the whole data)
     */
    public <S, R> Streaming<R> aggregate(Aggregation<S, R> aggregation, S start) {
        return valuesOf(aggregateWithState(aggregation, start));
    }

    /** The values of what an aggregation with a state emits, without the states. */
    static <S, R> Streaming<R> valuesOf(Streaming<Accumulated<S, R>> withState) {
        FunctionEx<Accumulated<S, R>, R> value = Accumulated::value;
        return Streaming.of(withState.pipeline().map(value), withState.example().value());
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
        Checks.notNull(aggregation, "aggregation");
        requireStreaming("an aggregation with a state");
        S first = start != null ? start : aggregation.initial(example().emptyCopy());
        WithState<S, R> accumulator = new WithState<>(aggregation);
        return Streaming.of(pipeline().accumulateWithState(accumulator, first),
                accumulator.apply(first, example().emptyCopy()).value());
    }

    Streaming<V> reduce(Windowing windowing, Statistic statistic, int ddof) {
        List<String> columns = reducedColumns(statistic);
        return aggregateOver(windowing, new Moments<>(columns, statistic, ddof, collapse(columns)));
    }

    <S, R> Streaming<R> aggregateOver(Windowing windowing, Aggregation<S, R> aggregation) {
        if (updating) {
            FunctionEx<Table, R> each = Reshape.each(aggregation);
            return Streaming.of(pipeline().map(each), each.apply(example()));
        }
        WindowAccumulator<S, R> accumulator = new WindowAccumulator<>(windowing, aggregation);
        return Streaming.of(pipeline().accumulateWithState(accumulator, accumulator.start(example())),
                accumulator.example(example()));
    }

    /**
     * The groupby-aggregation {@code moments} over {@code windowing}, resumed from {@code start}
     * (the rows in the window and the moments per key; {@code null}: nothing), with one state per
     * group key: locally one {@code accumulateWithState}; under {@code Pipeline.runOn} each key's
     * moments live on the server that owns the key ({@link Pipeline#accumulateByKey}). Over a window,
     * an {@code accumulateWithState} before it keeps the window's rows and says which arrive and leave.
     */
    Streaming<Table> aggregateByKey(Windowing windowing, GroupMoments moments,
                                    WindowAccumulator.State<Map<List<Object>, GroupMoments.Cell>> start) {
        requireStreaming("a groupby-aggregation");
        KeyedMoments keyed = new KeyedMoments(moments, start == null ? Map.of() : start.aggregation());
        Pipeline<Table> grouped = windowing instanceof Windowing.AllHistory
                ? pipeline().accumulateByKey(keyed)
                : pipeline().accumulateWithState(new WindowMoves(windowing), start == null ? List.of() : start.kept())
                        .accumulateByKey(keyed);
        return Streaming.of(grouped, keyed.result(keyed.start()));
    }

    /**
     * {@code aggregation} over {@code windowing} from {@code start} ({@code null}: an empty window),
     * emitting the window's state (its rows and the aggregation's state) with each value.
     */
    <S, R> Streaming<Accumulated<WindowAccumulator.State<S>, R>> aggregateOverWithState(
            Windowing windowing, Aggregation<S, R> aggregation, WindowAccumulator.State<S> start) {
        Checks.notNull(aggregation, "aggregation");
        requireStreaming("an aggregation with a state");
        WindowAccumulator<S, R> accumulator = new WindowAccumulator<>(windowing, aggregation);
        WindowAccumulator.State<S> first = start != null ? start : accumulator.start(example());
        BiFunctionEx<WindowAccumulator.State<S>, Table, Accumulated<WindowAccumulator.State<S>,
                Accumulated<WindowAccumulator.State<S>, R>>> withState = (state, rows) -> {
                    Accumulated<WindowAccumulator.State<S>, R> next = accumulator.apply(state, rows);
                    return Accumulated.of(next.state(), next);
                };
        return Streaming.of(pipeline().accumulateWithState(withState, first),
                accumulator.apply(first, example().emptyCopy()));
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
        requireNumeric(valueColumns(), operation.label());
        Cumulative accumulator = new Cumulative(valueColumns(), operation);
        Table resultExample = accumulator.apply(accumulator.start(), example()).value();
        return wrap(pipeline().accumulateWithState(accumulator, accumulator.start()), resultExample, index, false);
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
        return new Window<>(this, new Windowing.IndexRange(Checks.positive(value, "window range"), timeIndex()));
    }

    /**
     * Aggregations over all rows so far (streamz's {@code expanding()}): {@code sdf.expanding().sum()}
     * emits, after each table, what {@link #sum()} emits. Unlike streamz 0.6.4, whose
     * {@code expanding().groupby} raises NotImplementedError, it also groups.
     */
    public Window<V> expanding() {
        requireStreaming("expanding");
        return new Window<>(this, new Windowing.AllHistory());
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
        return new Rolling<>(self(), new RollingWindow.Time(Checks.positive(range, "rolling range"), timeIndex()), 1);
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

    // ---------------------------------------------------------------- shared with Window, GroupBy, Rolling

    /** {@code f} on every table; the example's result fixes the new columns. */
    F derive(FunctionEx<Table, Table> f, List<String> newIndex) {
        F result = wrap(pipeline().map(f), f.apply(example()), newIndex, updating);
        return withLineage(result, lineage.then(f));
    }

    /** This frame's lineage, for frames made from it that combine with others of the same base. */
    Lineage lineage() {
        return lineage;
    }

    /** {@code frame}, whose tables are those of this frame: it keeps this frame's lineage. */
    <G extends Frame<G, ?>> G sameTables(G frame) {
        return withLineage(frame, lineage);
    }

    /** {@code frame}, computed table by table as {@code lineage} says. */
    static <G extends Frame<G, ?>> G withLineage(G frame, Lineage lineage) {
        ((Frame<?, ?>) frame).lineage = lineage;
        return frame;
    }

    @SuppressWarnings("unchecked")
    F self() {
        return (F) this;
    }

    void requireStreaming(String operation) {
        if (updating) {
            throw new IllegalStateException(operation + " needs a streaming frame, whose elements are new rows; "
                    + "this one is updating (each element replaces the previous one, e.g. a groupby result)");
        }
    }

    void requireColumn(String name) {
        if (!example().columnNames().contains(name)) {
            throw new IllegalArgumentException("no column " + name + " among " + example().columnNames());
        }
    }

    void requireAbsent(String name) {
        if (example().columnNames().contains(name)) {
            throw new IllegalArgumentException("there is already a column " + name + ": rename it first");
        }
    }

    void requireNumeric(List<String> columns, String operation) {
        for (String name : columns) {
            if (!(example().column(name) instanceof NumericColumn<?>)) {
                throw new IllegalArgumentException(operation + " needs numeric columns; " + name + " is "
                        + example().column(name).type() + ": select the numeric columns first");
            }
        }
    }

    private String timeIndex() {
        if (index.size() != 1 || !TimeIndex.isTime(example().column(index.get(0)).type())) {
            throw new IllegalStateException("time windows need one LOCAL_DATE_TIME or INSTANT index column, "
                    + "the index is " + index + ": call setIndex(\"time\") first");
        }
        return index.get(0);
    }

    /** The class, the columns and the index: {@code DataFrame - elements like: [x DOUBLE, y INTEGER]}. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + (updating ? " (updating)" : "") + " - elements like: " + schema
                + (index.isEmpty() ? "" : " index " + index);
    }
}
