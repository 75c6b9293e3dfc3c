package io.streamz.dataframe;

import io.streamz.Stream;
import io.streamz.collections.Pipeline;
import io.streamz.dataframe.internal.Comparison;
import io.streamz.dataframe.internal.Elementwise;
import io.streamz.dataframe.internal.GroupMoments;
import io.streamz.dataframe.internal.Logic;
import io.streamz.dataframe.internal.Reshape;
import io.streamz.dataframe.internal.Schema;
import io.streamz.dataframe.internal.Windowing;
import io.streamz.function.BiFunctionEx;
import io.streamz.function.FunctionEx;
import io.streamz.spi.Checks;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.util.List;
import java.util.Map;

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
            frameColumns().requireNumeric(valueColumns(), statistic.label());
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

    /** The {@code n} largest values of each element, largest first (pandas' {@code nlargest}); see {@link #nlargest(int, String)}. */
    public Series nlargest(int n) {
        return nlargest(n, name());
    }

    /** The {@code n} smallest values of each element, smallest first (pandas' {@code nsmallest}). */
    public Series nsmallest(int n) {
        return nsmallest(n, name());
    }

    /** The value column of every element, without the index, as a plain stream. */
    public Stream<Column<?>> values() {
        return pipeline().map(Reshape.column(name())).stream();
    }

    /** The series as a one-column streaming DataFrame with the same index (pandas' {@code to_frame}). */
    public DataFrame toFrame() {
        return sameTables(new DataFrame(pipeline(), example(), index(), isUpdating()));
    }

    // ---------------------------------------------------------------- with another column of the same frame

    /** Whether each value is greater than {@code other}'s in the same row (streamz's {@code sdf.x > sdf.y}); NaN gives false. */
    public Series gt(Series other) {
        return combine(other, Comparison.GT.symbol(), Comparison.GT::apply);
    }

    /** Whether each value is less than {@code other}'s in the same row; NaN gives false. */
    public Series lt(Series other) {
        return combine(other, Comparison.LT.symbol(), Comparison.LT::apply);
    }

    /** Whether each value is at least {@code other}'s in the same row; NaN gives false. */
    public Series ge(Series other) {
        return combine(other, Comparison.GE.symbol(), Comparison.GE::apply);
    }

    /** Whether each value is at most {@code other}'s in the same row; NaN gives false. */
    public Series le(Series other) {
        return combine(other, Comparison.LE.symbol(), Comparison.LE::apply);
    }

    /** Whether each value equals {@code other}'s in the same row; NaN gives false. */
    public Series eq(Series other) {
        return combine(other, Comparison.EQ.symbol(), Comparison.EQ::apply);
    }

    /** Whether each value differs from {@code other}'s in the same row; NaN gives true. */
    public Series ne(Series other) {
        return combine(other, Comparison.NE.symbol(), Comparison.NE::apply);
    }

    /** {@code this + other} row by row, as DOUBLE (streamz's {@code sdf.x + sdf.y}). */
    public Series add(Series other) {
        return arithmetic(other, Elementwise.Arithmetic.ADD);
    }

    /** {@code this - other} row by row, as DOUBLE. */
    public Series subtract(Series other) {
        return arithmetic(other, Elementwise.Arithmetic.SUBTRACT);
    }

    /** {@code this * other} row by row, as DOUBLE. */
    public Series multiply(Series other) {
        return arithmetic(other, Elementwise.Arithmetic.MULTIPLY);
    }

    /** {@code this / other} row by row, as DOUBLE. */
    public Series divide(Series other) {
        return arithmetic(other, Elementwise.Arithmetic.DIVIDE);
    }

    /** Python's floor division {@code this // other} row by row; {@code ±inf} or NaN where {@code other} is 0. */
    public Series floorDivide(Series other) {
        return arithmetic(other, Elementwise.Arithmetic.FLOOR_DIVIDE);
    }

    /** Python's modulo {@code this % other} row by row, with the sign of {@code other}; NaN where it is 0. */
    public Series mod(Series other) {
        return arithmetic(other, Elementwise.Arithmetic.MOD);
    }

    /** {@code this ** other} row by row; {@code 1 ** y} and {@code x ** 0} are 1, as numpy. */
    public Series pow(Series other) {
        return arithmetic(other, Elementwise.Arithmetic.POW);
    }

    /** {@code this & other} of two BOOLEAN series, row by row; a missing value counts as false, as in pandas. */
    public Series and(Series other) {
        return combine(other, "&", Logic::and);
    }

    /** {@code this | other} of two BOOLEAN series, row by row; a missing value counts as false, as in pandas. */
    public Series or(Series other) {
        return combine(other, "|", Logic::or);
    }

    private Series arithmetic(Series other, Elementwise.Arithmetic op) {
        return combine(other, op.name().toLowerCase(java.util.Locale.ROOT),
                (left, right) -> Elementwise.combine(left, right, op));
    }

    /**
     * {@code op} of this series' values and {@code other}'s in the same rows, as a series named like
     * this one with this one's index. One {@code map} over the frame both come from computes both
     * and combines them. Tried on the examples at once, so a wrong type fails here.
     *
     * @throws IllegalArgumentException when {@code other} is not a column of the same frame, or
     *                                  {@code op} does not take the columns' types
     */
    private Series combine(Series other, String operation,
                           BiFunctionEx<Column<?>, Column<?>, ? extends Column<?>> op) {
        Checks.notNull(other, "other series");
        String name = name();
        String otherName = other.name();
        BiFunctionEx<Table, Table, Table> pair = (mine, theirs) ->
                Elementwise.replace(mine, Map.of(name, op.apply(mine.column(name), theirs.column(otherName))));
        FrameLineage combined = lineage().pairedWith(other.lineage(), operation, pair);
        return withLineage(new Series(combined.pipeline(), pair.apply(example(), other.example()), index(), isUpdating()),
                combined);
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
        var result = aggregations().byKey(windowing, counts, null);
        return new Series(result.pipeline(), result.example(), List.of(name()), true);
    }
}
