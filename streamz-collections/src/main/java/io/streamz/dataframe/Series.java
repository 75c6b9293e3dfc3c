package io.streamz.dataframe;

import io.streamz.Stream;
import io.streamz.collections.Pipeline;
import io.streamz.dataframe.ops.GroupMoments;
import io.streamz.dataframe.ops.Reshape;
import io.streamz.dataframe.ops.Schema;
import io.streamz.dataframe.ops.Statistic;
import io.streamz.dataframe.ops.Windowing;
import io.streamz.function.FunctionEx;
import io.streamz.local.core.Checks;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.util.List;

/**
 * A streaming Series (streamz's {@code streamz.dataframe.Series}): one column of a streaming
 * {@link DataFrame}, e.g. {@code sdf.column("amount")}. Each element is a table holding the index
 * columns, if any, and the one value column, so that time windows still see the index;
 * {@link #values()} gives the bare columns.
 *
 * <p>Reductions emit a {@code Double} (counts too, as Tablesaw's {@code count} does). See
 * {@link Frame} for threads, back pressure and the index.
 */
public final class Series extends Frame<Series, Double> {

    Series(Pipeline<Table> pipeline, Table example, List<String> index, boolean updating) {
        super(pipeline, example, index, updating);
        if (valueColumns().size() != 1) {
            throw new IllegalArgumentException("a Series holds one value column besides its index, got "
                    + valueColumns());
        }
    }

    /**
     * The columns of {@code stream} as a streaming Series; {@code example} gives the name and type:
     * {@code Series.of(Stream.<StringColumn>create(), StringColumn.create("name"))}.
     *
     * <p>Generic in the column type so that it is more specific than the inherited
     * {@link io.streamz.collections.Streaming#of(Stream, Object)}, which would otherwise make the call
     * ambiguous.
     *
     * @throws NullPointerException when {@code stream} or {@code example} is null
     */
    @SuppressWarnings("unchecked")
    public static <C extends Column<?>> Series of(Stream<C> stream, C example) {
        Checks.notNull(example, "example column");
        Pipeline<Column<?>> columns = Pipeline.from((Stream<Column<?>>) Checks.notNull(stream, "stream"));
        FunctionEx<Column<?>, Table> asTable = Reshape.asTable();
        return new Series(columns.map(asTable), asTable.apply(example.emptyCopy()),
                List.of(), false);
    }

    @Override
    Series wrap(Pipeline<Table> pipeline, Table example, List<String> index, boolean updating) {
        return new Series(pipeline, example, index, updating);
    }

    @Override
    FunctionEx<double[], Double> collapse(List<String> columns) {
        return Reshape.onlyValue();
    }

    @Override
    List<String> reducedColumns(Statistic statistic) {
        if (statistic.numeric()) {
            requireNumeric(valueColumns(), statistic.label());
        }
        return valueColumns();
    }

    /** The name of the value column. */
    public String name() {
        return valueColumns().get(0);
    }

    /** The type of the values. */
    public ColumnType dtype() {
        return example().column(name()).type();
    }

    /** This series when {@code name} is its name (so that windows and rolling can select it). */
    @Override
    public Series column(String name) {
        if (!name().equals(name)) {
            throw new IllegalArgumentException("this Series holds only the column " + name() + ", not " + name);
        }
        return this;
    }

    /** The value column of every element, without the index, as a plain stream. */
    public Stream<Column<?>> values() {
        return pipeline().map(Reshape.column(name())).stream();
    }

    /** The series as a one-column streaming DataFrame with the same index (pandas' {@code to_frame}). */
    public DataFrame toFrame() {
        return new DataFrame(pipeline(), example(), index(), isUpdating());
    }

    /**
     * The running number of rows holding each value (pandas' {@code value_counts}), missing values
     * skipped: an updating Series indexed by the values (a column named like this series), sorted
     * by value, with the counts in a DOUBLE column {@code count}.
     */
    public Series valueCounts() {
        return valueCounts(new Windowing.AllHistory());
    }

    Series valueCounts(Windowing windowing) {
        requireStreaming("valueCounts");
        if (name().equals("count")) {
            throw new IllegalArgumentException("valueCounts names its result count: rename the column count first");
        }
        Schema keys = new Schema(List.of(name()), List.of(dtype().name()));
        GroupMoments counts = new GroupMoments(List.of(name()), keys, List.of(), null, 0, "count");
        var result = aggregateOver(windowing, counts);
        return new Series(result.pipeline(), result.example(), List.of(name()), true);
    }
}
