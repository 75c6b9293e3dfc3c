package io.streamz.dataframe;

import io.streamz.Accumulated;
import tech.tablesaw.api.Table;

import java.io.Serializable;

/**
 * A streaming aggregation (streamz's {@code Aggregation}): a state that new rows update and that
 * rows leaving a window update back. The windowing scheme decides which rows are new and which are
 * old; the aggregation does not know it, so one aggregation works with every scheme:
 * {@link Frame#aggregate all history} ({@code onOld} never called), the
 * {@link Frame#window(int) last n rows} and an {@link Frame#window(java.time.Duration) index range}.
 *
 * <p>The seed's {@code Mean}, in Java:
 * <pre>{@code
 * record MeanState(double total, double count) implements Serializable { }
 *
 * class Mean implements Aggregation<MeanState, Double> {
 *     public MeanState initial(Table example) { return new MeanState(0, 0); }
 *     public Accumulated<MeanState, Double> onNew(MeanState state, Table rows) {
 *         NumericColumn<?> x = rows.numberColumn("x").removeMissing();
 *         double sum = x.isEmpty() ? 0 : x.sum();  // Tablesaw's sum of nothing is NaN
 *         MeanState next = new MeanState(state.total() + sum, state.count() + x.size());
 *         return Accumulated.of(next, next.total() / next.count());
 *     }
 *     public Accumulated<MeanState, Double> onOld(MeanState state, Table rows) {
 *         NumericColumn<?> x = rows.numberColumn("x").removeMissing();
 *         double sum = x.isEmpty() ? 0 : x.sum();
 *         MeanState next = new MeanState(state.total() - sum, state.count() - x.size());  // switch + for - here
 *         return Accumulated.of(next, next.total() / next.count());
 *     }
 * }
 * sdf.aggregate(new Mean());
 * sdf.window(100).aggregate(new Mean());
 * sdf.window(Duration.ofSeconds(60)).aggregate(new Mean());
 * }</pre>
 *
 * <p>The methods run on the thread that emits into the stream, one table at a time. They must not
 * change the state they are given (return a new one) nor the tables: a method that throws then
 * leaves the previous state in place. An aggregation is {@link Serializable} so that it can run on a
 * cluster node; its state should be too.
 *
 * @param <S> state
 * @param <R> the value emitted after each table
 */
public interface Aggregation<S, R> extends Serializable {
    /** The state before any row, given an empty table with the stream's columns. */
    S initial(Table example);

    /** Adds {@code rows} (all columns, the index too) to {@code state}: the new state and the value to emit. */
    Accumulated<S, R> onNew(S state, Table rows);

    /** Removes {@code rows}, which have left the window, from {@code state}: the new state and the value to emit. */
    Accumulated<S, R> onOld(S state, Table rows);
}
