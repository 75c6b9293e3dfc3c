package io.streamz.dataframe;

import io.streamz.Stream;
import io.streamz.collections.Pipeline;
import io.streamz.dataframe.internal.Reshape;
import io.streamz.dataframe.internal.Schema;
import io.streamz.dataframe.internal.Windowing;
import io.streamz.function.BiFunctionEx;
import io.streamz.function.FunctionEx;
import io.streamz.spi.Checks;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.util.ArrayList;
import java.util.List;

/**
 * A streaming DataFrame (streamz's {@code streamz.dataframe.DataFrame}): a stream of Tablesaw
 * {@link Table}s that all have the columns of an example table. Operations translate to the same
 * operations on every table, or to running aggregations over them:
 * <pre>{@code
 * DataFrame sdf = DataFrame.of(stream, example);
 * sdf.where(t -> t.stringColumn("name").isEqualTo("Alice")).column("amount").sum();
 * sdf.groupby("name").column("amount").mean();
 * sdf.window(100).column("amount").sum();
 * sdf.setIndex("time").window(Duration.ofHours(2)).groupby("name").column("amount").sum();
 * }</pre>
 * Python's operators become functions over tables and columns in Tablesaw's idiom (filtering with
 * {@link #where}, new columns with {@link #assign}); everything streaming keeps streamz's name.
 *
 * <p>Reductions emit a one-row table with a DOUBLE column per reduced column. See {@link Frame} for
 * threads, back pressure and the index.
 */
public class DataFrame extends Frame<DataFrame, Table> {
    /** The column that holds a function grouper's keys while they travel with the rows. */
    private static final String GROUPER_COLUMN = "__groupby_key__";

    /** For subclasses such as {@link Random}: a frame at the end of {@code pipeline}. */
    protected DataFrame(Pipeline<Table> pipeline, Table example, List<String> index, boolean updating) {
        super(pipeline, example, index, updating);
    }

    /**
     * The tables of {@code stream} as a streaming DataFrame (streamz's {@code to_dataframe(example)});
     * {@code example} gives the columns (its rows are ignored).
     */
    public static DataFrame of(Stream<Table> stream, Table example) {
        return new DataFrame(Pipeline.from(stream), example, List.of(), false);
    }

    /** The tables at the end of {@code pipeline} as a streaming DataFrame, keeping the recorded steps. */
    public static DataFrame of(Pipeline<Table> pipeline, Table example) {
        return new DataFrame(pipeline, example, List.of(), false);
    }

    @Override
    DataFrame wrap(Pipeline<Table> pipeline, Table example, List<String> index, boolean updating) {
        return new DataFrame(pipeline, example, index, updating);
    }

    @Override
    FunctionEx<double[], Table> collapse(List<String> columns) {
        return Reshape.oneRow(columns);
    }

    /** The value columns (those not in the index), as pandas' {@code columns}. */
    public List<String> columns() {
        return valueColumns();
    }

    /** The types of the value columns. */
    public List<ColumnType> dtypes() {
        List<ColumnType> types = new ArrayList<>();
        for (String name : valueColumns()) {
            types.add(example().column(name).type());
        }
        return types;
    }

    /** The column {@code name} as a {@link Series} (streamz's {@code sdf.x}), with this frame's index. */
    @Override
    public Series column(String name) {
        frameColumns().require(Checks.notNull(name, "column name"));
        if (index().contains(name)) {
            throw new IllegalArgumentException(name + " is in the index: resetIndex() first to use it as values");
        }
        List<String> kept = new ArrayList<>(index());
        kept.add(name);
        return derive(Reshape.select(kept), Series::new, index());
    }

    /** Only the named value columns (streamz's {@code sdf[['x', 'y']]}); the index stays. */
    public DataFrame select(String... names) {
        Checks.notNull(names, "column names");
        List<String> kept = new ArrayList<>(index());
        for (String name : names) {
            frameColumns().require(name);
            if (!kept.contains(name)) {
                kept.add(name);
            }
        }
        return derive(Reshape.select(kept), index());
    }

    /**
     * Adds or replaces the column {@code name} with {@code f} of each table (streamz's
     * {@code assign(z=sdf.x + sdf.y)}):
     * {@code assign("z", t -> t.doubleColumn("x").add(t.doubleColumn("y")))}. {@code f} must give one
     * value per row; it is tried on the example at once.
     */
    public DataFrame assign(String name, FunctionEx<Table, ? extends Column<?>> f) {
        Checks.notNull(name, "column name");
        return derive(Reshape.assign(name, Checks.notNull(f, "assign function")), index());
    }

    /**
     * Applies a table-to-table function to every element (pandas' {@code pipe}); the example's result
     * fixes the new columns. The index is kept when its columns are still there.
     */
    public DataFrame pipe(FunctionEx<Table, Table> f) {
        Checks.notNull(f, "pipe function");
        List<String> columns = f.apply(example()).columnNames();
        return derive(f, columns.containsAll(index()) ? index() : List.of());
    }

    /** Groupby-aggregations keyed by the values of {@code keys} (streamz's {@code groupby('name')}). */
    public GroupBy<DataFrame> groupby(String... keys) {
        return groupby(new Windowing.AllHistory(), keys);
    }

    /**
     * Groupby-aggregations keyed by a column computed from each table (streamz's
     * {@code groupby(sdf.x % 10)}): {@code groupby(t -> t.intColumn("x").remainder(10))}. The
     * function must be row-wise (a row's key depends only on that row); the result's key column
     * has the name of the function's column.
     */
    public GroupBy<DataFrame> groupby(FunctionEx<Table, ? extends Column<?>> grouper) {
        return groupby(new Windowing.AllHistory(), grouper);
    }

    /**
     * Groupby-aggregations keyed by the values of {@code keys}, a Series computed table by table
     * from this frame (streamz's {@code groupby(sdf.index % 2)}):
     * {@code sdf.numberRows(); sdf.groupby(sdf.indexSeries().mod(2))}. The result's key column has
     * the name of the series. Within a window too: {@code sdf.window(100).groupby(series)}.
     *
     * @throws IllegalArgumentException when {@code keys} does not come from this frame (see {@link Series#gt(Series)})
     */
    public GroupBy<DataFrame> groupby(Series keys) {
        return groupby(new Windowing.AllHistory(), keys);
    }

    /** {@link #groupby(Series)} within {@code windowing}: each row keeps its key while it stays in the window. */
    GroupBy<DataFrame> groupby(Windowing windowing, Series keys) {
        Checks.notNull(keys, "groupby series");
        frameColumns().requireAbsent(GROUPER_COLUMN);
        String name = keys.name();
        BiFunctionEx<Table, Table, Table> withKey = (rows, keyTable) -> {
            Column<?> key = keyTable.column(name);
            return Reshape.assign(GROUPER_COLUMN, table -> key).apply(rows);
        };
        FrameLineage keyed = lineage().pairedWith(keys.lineage(), "groupby(Series)", withKey);
        DataFrame keyedFrame = withLineage(new DataFrame(keyed.pipeline(), withKey.apply(example(), keys.example()),
                index(), isUpdating()), keyed);
        Schema keySchema = new Schema(List.of(name), List.of(keys.dtype().name()));
        return GroupBy.of(keyedFrame, windowing, List.of(GROUPER_COLUMN), keySchema);
    }

    GroupBy<DataFrame> groupby(Windowing windowing, String... keys) {
        Checks.notNull(keys, "groupby keys");
        if (keys.length == 0) {
            throw new IllegalArgumentException("groupby needs at least one key column");
        }
        List<String> keyTypes = new ArrayList<>();
        for (String key : keys) {
            frameColumns().require(key);
            keyTypes.add(example().column(key).type().name());
        }
        return GroupBy.of(this, windowing, List.of(keys), new Schema(List.of(keys), keyTypes));
    }

    GroupBy<DataFrame> groupby(Windowing windowing, FunctionEx<Table, ? extends Column<?>> grouper) {
        Checks.notNull(grouper, "groupby function");
        frameColumns().requireAbsent(GROUPER_COLUMN);
        Column<?> keyExample = grouper.apply(example());
        DataFrame keyed = derive(Reshape.assign(GROUPER_COLUMN, grouper), index());
        Schema keySchema = new Schema(List.of(keyExample.name()), List.of(keyExample.type().name()));
        return GroupBy.of(keyed, windowing, List.of(GROUPER_COLUMN), keySchema);
    }
}
