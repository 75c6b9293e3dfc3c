package io.streamz.dataframe.ops;

import io.streamz.Accumulated;
import io.streamz.dataframe.Aggregation;
import io.streamz.function.BiFunctionEx;
import tech.tablesaw.api.Table;

import java.io.Serializable;
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
        implements BiFunctionEx<WindowAccumulator.State<S>, Table, Accumulated<WindowAccumulator.State<S>, R>> {

    /**
     * The blocks of rows in the window and the aggregation's state over them.
     *
     * @param kept        the rows in the window, oldest first (none for all history)
     * @param aggregation the aggregation's state
     * @param <S>         the aggregation's state type
     */
    public record State<S>(List<Table> kept, S aggregation) implements Serializable {
    }

    /** The state before the first table, from an empty table with the stream's columns. */
    public State<S> start(Table example) {
        return new State<>(List.of(), aggregation.initial(example.emptyCopy()));
    }

    /** The value emitted for a table with no rows: what the result looks like. */
    public R example(Table example) {
        return applyEx(start(example), example.emptyCopy()).value();
    }

    @Override
    public Accumulated<State<S>, R> applyEx(State<S> state, Table rows) {
        Windowing.Decay decay = windowing.decay(state.kept(), rows);
        Accumulated<S, R> result = aggregation.onNew(state.aggregation(), rows);
        for (Table old : decay.old()) {
            result = aggregation.onOld(result.state(), old);
        }
        return Accumulated.of(new State<>(decay.kept(), result.state()), result.value());
    }
}
