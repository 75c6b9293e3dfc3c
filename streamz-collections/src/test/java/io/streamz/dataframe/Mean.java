package io.streamz.dataframe;

import io.streamz.Accumulated;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

import java.io.Serializable;

/**
 * The seed's {@code Mean} aggregation of column {@code x}, line by line: the state is the total
 * and the count; new rows add to them, old rows subtract from them.
 */
final class Mean implements Aggregation<Mean.State, Double> {

    /** {@code (total, count)}. */
    record State(double total, double count) implements Serializable {
    }

    @Override
    public State initial(Table example) {
        NumericColumn<?> none = example.numberColumn("x");
        return new State(sum(none), count(none));
    }

    @Override
    public Accumulated<State, Double> onNew(State state, Table rows) {
        NumericColumn<?> x = rows.numberColumn("x");
        State next = new State(state.total() + sum(x), state.count() + count(x));
        return Accumulated.of(next, next.total() / next.count());
    }

    @Override
    public Accumulated<State, Double> onOld(State state, Table rows) {
        NumericColumn<?> x = rows.numberColumn("x");
        State next = new State(state.total() - sum(x), state.count() - count(x)); // switch + for - here
        return Accumulated.of(next, next.total() / next.count());
    }

    /** pandas' {@code sum}: missing values skipped, 0 for none (Tablesaw's sum of nothing is NaN). */
    private static double sum(NumericColumn<?> x) {
        return count(x) == 0 ? 0 : x.sum();
    }

    /** pandas' {@code count}: the non-missing values. */
    private static double count(NumericColumn<?> x) {
        return x.size() - x.countMissing();
    }
}
