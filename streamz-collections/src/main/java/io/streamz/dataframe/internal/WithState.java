package io.streamz.dataframe.internal;

import io.streamz.Accumulated;
import io.streamz.dataframe.Aggregation;
import io.streamz.function.BiFunctionEx;
import tech.tablesaw.api.Table;

/**
 * The function given to {@code accumulateWithState} for an aggregation over all history that emits
 * its state along with its value (streamz's {@code with_state=True}): what it emits can be given
 * back as the start of another stream's aggregation, which then resumes where this one stopped.
 *
 * @param aggregation what is computed
 * @param <S>         the aggregation's state
 * @param <R>         its value
 */
public record WithState<S, R>(Aggregation<S, R> aggregation)
        implements BiFunctionEx<S, Table, Accumulated<S, Accumulated<S, R>>> {
    @Override
    public Accumulated<S, Accumulated<S, R>> applyEx(S state, Table rows) {
        Accumulated<S, R> next = aggregation.onNew(state, rows);
        return Accumulated.of(next.state(), next);
    }
}
