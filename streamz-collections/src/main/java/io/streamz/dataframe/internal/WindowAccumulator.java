package io.streamz.dataframe.internal;

import io.streamz.Accumulated;
import io.streamz.dataframe.Aggregation;
import io.streamz.dataframe.state.WindowState;
import io.streamz.function.BiFunctionEx;
import tech.tablesaw.api.Table;

import java.util.List;

/**
 * The function given to {@code accumulateWithState} for a windowed aggregation (streamz's
 * {@code window_accumulator}): the windowing scheme says which rows arrive and which leave, the
 * aggregation turns them into a state and a value. New rows are added before old rows are removed,
 * and the value after the last step is emitted.
 *
 * @param windowing   which rows stay
 * @param aggregation what is computed over them
 * @param <S>         the aggregation's state
 * @param <R>         the emitted value
 */
public record WindowAccumulator<S, R>(Windowing windowing, Aggregation<S, R> aggregation)
        implements BiFunctionEx<WindowState<S>, Table, Accumulated<WindowState<S>, R>> {

    /** The state before the first table, from an empty table with the stream's columns. */
    public WindowState<S> start(Table example) {
        return new WindowState<>(List.of(), aggregation.initial(example.emptyCopy()));
    }

    /** The value emitted for a table with no rows: what the result looks like. */
    public R example(Table example) {
        return applyEx(start(example), example.emptyCopy()).value();
    }

    @Override
    public Accumulated<WindowState<S>, R> applyEx(WindowState<S> state, Table rows) {
        Windowing.Decay decay = windowing.decay(state.kept(), rows);
        Accumulated<S, R> result = aggregation.onNew(state.aggregation(), rows);
        for (Table old : decay.old()) {
            result = aggregation.onOld(result.state(), old);
        }
        return Accumulated.of(new WindowState<>(decay.kept(), result.state()), result.value());
    }
}
