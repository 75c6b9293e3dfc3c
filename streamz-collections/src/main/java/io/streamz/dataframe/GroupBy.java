package io.streamz.dataframe;

import io.streamz.Accumulated;
import io.streamz.collections.Streaming;
import io.streamz.dataframe.internal.GroupMoments;
import io.streamz.dataframe.internal.Schema;
import io.streamz.dataframe.internal.Windowing;
import io.streamz.dataframe.state.GroupCell;
import io.streamz.dataframe.state.WindowState;
import io.streamz.spi.Checks;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Groupby-aggregations on a streaming frame (streamz's {@code GroupBy} and {@code WindowedGroupBy}):
 * {@code sdf.groupby("name").column("amount").sum()}, or over a window,
 * {@code sdf.window(100).groupby("name").column("amount").sum()}.
 *
 * <p>The state holds, per key, the running moments of the value columns and the number of rows;
 * in a window, rows leaving it are taken back out and a key none of whose rows is left is dropped
 * (streamz keeps a parallel size aggregation for that). Rows with a missing key are skipped.
 *
 * <p>Each aggregation gives an updating frame: every element is the whole current result, one row
 * per key sorted by key, the key columns being its index and the statistics DOUBLE columns named
 * like the columns they come from (a key named like a value column gets the suffix {@code _key}).
 * It runs on the emitting thread as an {@code accumulateWithState}, under the stream's back pressure.
 * Under {@code Pipeline.runOn}, the aggregations run with one state per group key, on the server
 * that owns the key ({@code ClusterStream.accumulateByKey}); the driver combines the keys' latest
 * moments into each table's result. The with-state forms run as one accumulate instead.
 *
 * @param <F> the frame the aggregations give: a {@link DataFrame} for all value columns, a {@link Series} for one
 */
public final class GroupBy<F extends Frame<F, ?>> {
    private final DataFrame root;
    private final Windowing windowing;
    private final List<String> keys;
    private final Schema keySchema;
    private final List<String> values;
    private final BiFunction<Streaming<Table>, List<String>, F> result;

    private GroupBy(DataFrame root, Windowing windowing, List<String> keys, Schema keySchema, List<String> values,
                    BiFunction<Streaming<Table>, List<String>, F> result) {
        this.root = root;
        this.windowing = windowing;
        this.keys = keys;
        this.keySchema = keySchema;
        this.values = values;
        this.result = result;
    }

    /** Grouping {@code root}'s rows by the columns {@code keys}, named and typed by {@code keySchema} in results. */
    static GroupBy<DataFrame> of(DataFrame root, Windowing windowing, List<String> keys, Schema keySchema) {
        root.requireStreaming("groupby");
        List<String> values = new ArrayList<>(root.frameColumns().numericValues());
        values.removeAll(keys);
        return new GroupBy<>(root, windowing, keys, keySchema, values,
                (streaming, index) -> new DataFrame(streaming.pipeline(), streaming.example(), index, true));
    }

    /** The aggregations of the one value column {@code name} (streamz's {@code groupby('x').y}). */
    public GroupBy<Series> column(String name) {
        Checks.notNull(name, "column name");
        root.frameColumns().require(name);
        if (keys.contains(name)) {
            throw new IllegalArgumentException(name + " is a groupby key: aggregate another column");
        }
        root.frameColumns().requireNumeric(List.of(name), "groupby aggregation");
        return new GroupBy<>(root, windowing, keys, keySchema, List.of(name),
                (streaming, index) -> new Series(streaming.pipeline(), streaming.example(), index, true));
    }

    /** The number of non-missing values per key (streamz's {@code count}). */
    public F count() {
        return aggregate(Statistic.COUNT, 0);
    }

    /** The mean per key. */
    public F mean() {
        return aggregate(Statistic.MEAN, 0);
    }

    /** The sum per key. */
    public F sum() {
        return aggregate(Statistic.SUM, 0);
    }

    /** The sample variance (ddof 1) per key. */
    public F var() {
        return var(1);
    }

    /** The variance with {@code ddof} delta degrees of freedom per key. */
    public F var(int ddof) {
        return aggregate(Statistic.VAR, Checks.notNegative(ddof, "ddof"));
    }

    /** The sample standard deviation (ddof 1) per key. */
    public F std() {
        return std(1);
    }

    /** The standard deviation with {@code ddof} delta degrees of freedom per key. */
    public F std(int ddof) {
        return aggregate(Statistic.STD, Checks.notNegative(ddof, "ddof"));
    }

    /** The number of rows per key, missing values included (streamz's {@code size}), in a column {@code size}. */
    public Series size() {
        GroupMoments sizes = new GroupMoments(keys, resultKeys(List.of("size")), List.of(), null, 0, "size");
        Streaming<Table> counted = root.aggregations().byKey(windowing, sizes, null);
        return new Series(counted.pipeline(), counted.example(), keysOf(counted), true);
    }

    /**
     * {@code statistic} per key (ddof 1), emitting after each table the per-key state along with the
     * result (streamz's {@code groupby('name').amount.mean(with_state=True)}), from {@code start}:
     * a state emitted earlier, e.g. by another stream, or {@code null} for none (streamz's
     * {@code start=}). Over all history only: over a window use {@link #aggregateWindowWithState}.
     * The state and the result are computed together, in one {@code accumulateWithState} (on the
     * cluster too: not per key).
     *
     * @throws IllegalStateException over a window, whose rows a state alone cannot take back out
     */
    public Streaming<Accumulated<Map<List<Object>, GroupCell>, Table>> aggregateWithState(
            Statistic statistic, Map<List<Object>, GroupCell> start) {
        requireAllHistory();
        return root.aggregateWithState(moments(Checks.notNull(statistic, "statistic"), 1), start);
    }

    /**
     * {@code statistic} per key (ddof 1) resumed from {@code start}, a state that
     * {@link #aggregateWithState} emitted ({@code null}: from nothing): streamz's
     * {@code groupby('name').amount.sum(start=state)}. Over all history only: over a window use
     * {@link #aggregateWindow}.
     *
     * @throws IllegalStateException over a window
     */
    public F aggregate(Statistic statistic, Map<List<Object>, GroupCell> start) {
        requireAllHistory();
        return grouped(moments(Checks.notNull(statistic, "statistic"), 1),
                start == null ? null : new WindowState<>(List.of(), start));
    }

    /**
     * {@code statistic} per key (ddof 1) within the window, emitting after each table the window's
     * state (the rows it holds and the moments per key) along with the result (streamz's
     * {@code window(n).groupby('name').amount.sum(with_state=True)}), from {@code start}: such a
     * state emitted earlier, e.g. by another stream, or {@code null} for an empty window (streamz's
     * {@code start=}). The same shape as {@link Window#aggregateWithState}; works over all history
     * ({@code expanding()}, or the frame itself) too, with no rows kept.
     */
    public Streaming<Accumulated<WindowState<Map<List<Object>, GroupCell>>, Table>>
            aggregateWindowWithState(Statistic statistic,
                                     WindowState<Map<List<Object>, GroupCell>> start) {
        return root.aggregations().overWithState(windowing, moments(Checks.notNull(statistic, "statistic"), 1), start);
    }

    /**
     * {@code statistic} per key (ddof 1) within the window, resumed from {@code start}, a state
     * {@link #aggregateWindowWithState} emitted ({@code null}: an empty window): streamz's
     * {@code window(n).groupby('name').amount.sum(start=state)}. The first table's rows join the
     * window's rows, and rows pushed out of the window are taken back out of their keys' moments.
     */
    public F aggregateWindow(Statistic statistic,
                             WindowState<Map<List<Object>, GroupCell>> start) {
        return grouped(moments(Checks.notNull(statistic, "statistic"), 1), start);
    }

    private void requireAllHistory() {
        if (!(windowing instanceof Windowing.AllHistory)) {
            throw new IllegalStateException("this state holds no rows to take back out of a window over "
                    + windowing + ": use aggregateWindowWithState / aggregateWindow, whose state holds the window's rows");
        }
    }

    private F aggregate(Statistic statistic, int ddof) {
        return grouped(moments(statistic, ddof), null);
    }

    /** The frame of {@code moments} per key from {@code start}, one state per key (see {@link FrameAggregations#byKey}). */
    private F grouped(GroupMoments moments, WindowState<Map<List<Object>, GroupCell>> start) {
        Streaming<Table> aggregated = root.aggregations().byKey(windowing, moments, start);
        return result.apply(aggregated, keysOf(aggregated));
    }

    private GroupMoments moments(Statistic statistic, int ddof) {
        if (values.isEmpty()) {
            throw new IllegalStateException("no numeric value column to aggregate besides the keys " + keys);
        }
        return new GroupMoments(keys, resultKeys(values), values, statistic, ddof, null);
    }

    /** The key columns of the result, renamed where they would clash with {@code valueNames}. */
    private Schema resultKeys(List<String> valueNames) {
        List<String> names = new ArrayList<>();
        for (String name : keySchema.names()) {
            names.add(valueNames.contains(name) ? name + "_key" : name);
        }
        return new Schema(names, keySchema.typeNames());
    }

    /** The key columns of a result: its first columns, before the statistics. */
    private List<String> keysOf(Streaming<Table> aggregated) {
        return List.copyOf(aggregated.example().columnNames().subList(0, keys.size()));
    }

    @Override
    public String toString() {
        return "GroupBy" + keySchema.names() + " of " + values + " over " + windowing;
    }
}
