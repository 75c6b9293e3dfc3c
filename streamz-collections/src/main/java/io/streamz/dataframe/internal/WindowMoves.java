package io.streamz.dataframe.internal;

import io.streamz.Accumulated;
import io.streamz.function.BiFunctionEx;
import tech.tablesaw.api.Table;

import java.io.Serializable;
import java.util.List;

/**
 * The function given to {@code accumulateWithState} that keeps a window's rows and emits, for each
 * table, the rows that arrive and those that leave ({@link Moves}), so that a keyed aggregation
 * downstream ({@link KeyedMoments}) can add and take back per key without holding the window itself.
 * The state is the blocks of rows in the window, oldest first, as {@link WindowAccumulator} keeps them.
 *
 * @param windowing which rows stay
 */
public record WindowMoves(Windowing windowing)
        implements BiFunctionEx<List<Table>, Table, Accumulated<List<Table>, WindowMoves.Moves>> {

    /**
     * The rows one table brings into a window and those that leave it, in the order a
     * {@link WindowAccumulator} applies them: the new rows first, then the old blocks, oldest first.
     *
     * @param added the new rows
     * @param old   the rows that left, oldest first
     */
    public record Moves(Table added, List<Table> old) implements Serializable {
        /** Copies the list. */
        public Moves {
            old = List.copyOf(old);
        }

        /** {@code added} arriving, nothing leaving: a table over all history. */
        public static Moves of(Table added) {
            return new Moves(added, List.of());
        }
    }

    @Override
    public Accumulated<List<Table>, Moves> applyEx(List<Table> kept, Table rows) {
        Windowing.Decay decay = windowing.decay(kept, rows);
        return Accumulated.of(decay.kept(), new Moves(rows, decay.old()));
    }
}
