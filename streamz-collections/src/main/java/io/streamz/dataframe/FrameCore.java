package io.streamz.dataframe;

import io.streamz.collections.Pipeline;
import io.streamz.collections.Streaming;
import io.streamz.dataframe.internal.Reshape;
import io.streamz.dataframe.internal.RowNumbers;
import io.streamz.function.FunctionEx;
import io.streamz.spi.Checks;
import tech.tablesaw.api.Table;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link Frame} is, apart from what it computes: its columns and which of them form the index
 * ({@link FrameColumns}), whether it is streaming or updating, how its tables come from an earlier
 * frame's ({@link FrameLineage}), and how a new frame is made from it ({@link #derive}), which every
 * operation of {@code Frame}, {@link Window}, {@link GroupBy} and {@link Rolling} goes through. The
 * index operations are here too, since they change only that structure. Package-private: users see
 * its public methods as {@code Frame}'s own, with the same javadoc.
 *
 * @param <F> the frame type that per-element operations return
 * @param <V> what a reduction emits
 */
abstract class FrameCore<F extends Frame<F, V>, V> extends Streaming<Table> {
    private final FrameColumns columns;
    private final boolean updating;
    /** How this frame's tables come from an earlier frame's: set by {@link #derive}, else its own. */
    private FrameLineage lineage;

    FrameCore(Pipeline<Table> pipeline, Table example, List<String> index, boolean updating) {
        super(pipeline, Objects.requireNonNull(example, "example must not be null: pass a Table with the columns")
                .emptyCopy());
        this.columns = new FrameColumns(example(), index);
        this.updating = updating;
        this.lineage = FrameLineage.of(pipeline);
    }

    /** Makes a frame of one kind ({@code DataFrame::new}, {@code Series::new}) at the end of a pipeline. */
    @FunctionalInterface
    interface Kind<G extends Frame<G, ?>> {
        G make(Pipeline<Table> pipeline, Table example, List<String> index, boolean updating);
    }

    /** A frame of this kind at the end of {@code pipeline}. */
    abstract F wrap(Pipeline<Table> pipeline, Table example, List<String> index, boolean updating);

    /** Turns per-column reduction results into what a reduction emits. */
    abstract FunctionEx<double[], V> collapse(List<String> columns);

    // ---------------------------------------------------------------- shape

    /** The index columns (none unless {@link #setIndex} was called). */
    public final List<String> index() {
        return columns.index();
    }

    /** Whether each element is the whole current result (a groupby result) rather than new rows. */
    public final boolean isUpdating() {
        return updating;
    }

    /** Which columns are the index, which hold values, and the checks on them. */
    FrameColumns frameColumns() {
        return columns;
    }

    /** The columns that are not in the index, in order. */
    List<String> valueColumns() {
        return columns.values();
    }

    /** The value columns a reduction of {@code statistic} covers: the numeric ones, all for COUNT. */
    List<String> reducedColumns(Statistic statistic) {
        return statistic.numeric() ? columns.numericValues() : columns.values();
    }

    /** How this frame's reductions become operations on its pipeline. */
    FrameAggregations<V> aggregations() {
        return new FrameAggregations<>(self());
    }

    /** Checks that {@code x} has this frame's column names and types, in order (IllegalArgumentException if not). */
    @Override
    public void verify(Table x) {
        super.verify(x);
        columns.verify(x);
    }

    /** Makes the columns {@code names} the index: they are no longer value columns. */
    public F setIndex(String... names) {
        Checks.notNull(names, "index columns");
        if (names.length == 0) {
            throw new IllegalArgumentException("setIndex needs a column: use resetIndex() to drop the index");
        }
        for (String name : names) {
            columns.require(name);
        }
        return sameTables(wrap(pipeline(), example(), List.of(names), updating));
    }

    /**
     * The index back to value columns, as a DataFrame (pandas' {@code reset_index()}, which gives a
     * DataFrame for a Series too: {@code df.x.reset_index()} has the columns {@code index, x}).
     * Without an index, adds a first column {@code index} of row numbers, as pandas.
     *
     * @throws IllegalArgumentException when the frame has no index and a column is already named {@code index}
     */
    public DataFrame resetIndex() {
        if (!index().isEmpty()) {
            return sameTables(new DataFrame(pipeline(), example(), List.of(), updating));
        }
        columns.requireAbsent("index");
        return derive(Reshape.rowNumbers("index"), DataFrame::new, List.of());
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
        if (!index().isEmpty()) {
            throw new IllegalStateException("numberRows makes a new index, but the frame has the index " + index()
                    + ": call resetIndex() first");
        }
        columns.requireAbsent("index");
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
        if (index().size() != 1) {
            throw new IllegalStateException("indexSeries needs an index of one column, the index is " + index()
                    + ": call numberRows() or setIndex(column) first");
        }
        return derive(Reshape.select(index()), Series::new, List.of());
    }

    // ---------------------------------------------------------------- shared with Window, GroupBy, Rolling

    /** {@code f} on every table; the example's result fixes the new columns. */
    F derive(FunctionEx<Table, Table> f, List<String> newIndex) {
        return derive(f, this::wrap, newIndex);
    }

    /** {@code f} on every table, as a frame of {@code kind} (a Series of a DataFrame's column, ...). */
    <G extends Frame<G, ?>> G derive(FunctionEx<Table, Table> f, Kind<G> kind, List<String> newIndex) {
        return withLineage(kind.make(pipeline().map(f), f.apply(example()), newIndex, updating), lineage.then(f));
    }

    /** This frame's lineage, for frames made from it that combine with others of the same base. */
    FrameLineage lineage() {
        return lineage;
    }

    /** {@code frame}, whose tables are those of this frame: it keeps this frame's lineage. */
    <G extends Frame<G, ?>> G sameTables(G frame) {
        return withLineage(frame, lineage);
    }

    /** {@code frame}, computed table by table as {@code lineage} says. */
    static <G extends Frame<G, ?>> G withLineage(G frame, FrameLineage lineage) {
        ((FrameCore<?, ?>) frame).lineage = lineage;
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

    /** The class, the columns and the index: {@code DataFrame - elements like: [x DOUBLE, y INTEGER]}. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + (updating ? " (updating)" : "") + " - elements like: " + columns;
    }
}
