package io.streamz.dataframe;

import io.streamz.Accumulated;
import io.streamz.collections.Pipeline;
import io.streamz.collections.Streaming;
import io.streamz.dataframe.internal.GroupMoments;
import io.streamz.dataframe.internal.KeyedMoments;
import io.streamz.dataframe.internal.Moments;
import io.streamz.dataframe.internal.Reshape;
import io.streamz.dataframe.internal.WindowAccumulator;
import io.streamz.dataframe.internal.WindowMoves;
import io.streamz.dataframe.internal.Windowing;
import io.streamz.dataframe.internal.WithState;
import io.streamz.dataframe.state.GroupCell;
import io.streamz.dataframe.state.WindowState;
import io.streamz.function.BiFunctionEx;
import io.streamz.function.FunctionEx;
import io.streamz.spi.Checks;
import tech.tablesaw.api.Table;

import java.util.List;
import java.util.Map;

/**
 * How an aggregation of a frame becomes an operation on its pipeline (streamz's {@code aggregations.py}
 * and {@code accumulate_partitions}): over a window or all history, with or without its state, per
 * group key. What {@link Frame}, {@link Window}, {@link GroupBy} and {@link Ewm} build their
 * reductions with; the aggregations themselves are in {@code ops}. Building runs on the caller's
 * thread; the operations run as {@link Frame} says.
 *
 * @param <V> what a reduction of the frame emits: a one-row {@code Table} for a DataFrame, a {@code Double} for a Series
 */
final class FrameAggregations<V> {
    private final Frame<?, V> frame;

    FrameAggregations(Frame<?, V> frame) {
        this.frame = frame;
    }

    /** The values of what an aggregation with a state emits, without the states. */
    static <S, R> Streaming<R> valuesOf(Streaming<Accumulated<S, R>> withState) {
        FunctionEx<Accumulated<S, R>, R> value = Accumulated::value;
        return Streaming.of(withState.pipeline().map(value), withState.example().value());
    }

    /** The built-in {@code statistic} with {@code ddof} over {@code windowing}, of the columns it covers. */
    Streaming<V> reduce(Windowing windowing, Statistic statistic, int ddof) {
        return over(windowing, moments(statistic, ddof));
    }

    /** {@code statistic} with {@code ddof} as an {@link Aggregation} of the columns it covers. */
    Moments<V> moments(Statistic statistic, int ddof) {
        List<String> columns = frame.reducedColumns(statistic);
        return new Moments<>(columns, statistic, ddof, frame.collapse(columns));
    }

    /**
     * {@code aggregation} over {@code windowing}: an {@code accumulateWithState} for a streaming frame;
     * for an updating one, whose every element is the whole data, a {@code map} of each element on its own.
     */
    <S, R> Streaming<R> over(Windowing windowing, Aggregation<S, R> aggregation) {
        Table example = frame.example();
        if (frame.isUpdating()) {
            FunctionEx<Table, R> each = Reshape.each(aggregation);
            return Streaming.of(frame.pipeline().map(each), each.apply(example));
        }
        WindowAccumulator<S, R> accumulator = new WindowAccumulator<>(windowing, aggregation);
        return Streaming.of(frame.pipeline().accumulateWithState(accumulator, accumulator.start(example)),
                accumulator.example(example));
    }

    /**
     * {@code aggregation} over all history from {@code start} ({@code null}: the initial state),
     * emitting its state along with its value after each table.
     *
     * @throws IllegalStateException when the frame is updating (each element is the whole data)
     */
    <S, R> Streaming<Accumulated<S, R>> withState(Aggregation<S, R> aggregation, S start) {
        Checks.notNull(aggregation, "aggregation");
        frame.requireStreaming("an aggregation with a state");
        S first = start != null ? start : aggregation.initial(frame.example().emptyCopy());
        WithState<S, R> accumulator = new WithState<>(aggregation);
        return Streaming.of(frame.pipeline().accumulateWithState(accumulator, first),
                accumulator.apply(first, frame.example().emptyCopy()).value());
    }

    /**
     * {@code aggregation} over {@code windowing} from {@code start} ({@code null}: an empty window),
     * emitting the window's state (its rows and the aggregation's state) with each value.
     *
     * @throws IllegalStateException when the frame is updating
     */
    <S, R> Streaming<Accumulated<WindowState<S>, R>> overWithState(
            Windowing windowing, Aggregation<S, R> aggregation, WindowState<S> start) {
        Checks.notNull(aggregation, "aggregation");
        frame.requireStreaming("an aggregation with a state");
        WindowAccumulator<S, R> accumulator = new WindowAccumulator<>(windowing, aggregation);
        WindowState<S> first = start != null ? start : accumulator.start(frame.example());
        BiFunctionEx<WindowState<S>, Table, Accumulated<WindowState<S>,
                Accumulated<WindowState<S>, R>>> withState = (state, rows) -> {
                    Accumulated<WindowState<S>, R> next = accumulator.apply(state, rows);
                    return Accumulated.of(next.state(), next);
                };
        return Streaming.of(frame.pipeline().accumulateWithState(withState, first),
                accumulator.apply(first, frame.example().emptyCopy()));
    }

    /**
     * The groupby-aggregation {@code moments} over {@code windowing}, resumed from {@code start}
     * (the rows in the window and the moments per key; {@code null}: nothing), with one state per
     * group key: locally one {@code accumulateWithState}; under {@code Pipeline.runOn} each key's
     * moments live on the server that owns the key ({@link Pipeline#accumulateByKey}). Over a window,
     * an {@code accumulateWithState} before it keeps the window's rows and says which arrive and leave.
     *
     * @throws IllegalStateException when the frame is updating
     */
    Streaming<Table> byKey(Windowing windowing, GroupMoments moments,
                           WindowState<Map<List<Object>, GroupCell>> start) {
        frame.requireStreaming("a groupby-aggregation");
        KeyedMoments keyed = new KeyedMoments(moments, start == null ? Map.of() : start.aggregation());
        Pipeline<Table> grouped = windowing instanceof Windowing.AllHistory
                ? frame.pipeline().accumulateByKey(keyed)
                : frame.pipeline().accumulateWithState(new WindowMoves(windowing), start == null ? List.of() : start.kept())
                        .accumulateByKey(keyed);
        return Streaming.of(grouped, keyed.result(keyed.start()));
    }

    @Override
    public String toString() {
        return "aggregations of " + frame;
    }
}
