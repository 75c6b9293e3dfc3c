package io.streamz.dataframe.internal;

import tech.tablesaw.api.Table;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A windowing scheme (streamz's {@code diff_iloc}, {@code diff_loc} and plain accumulation): given
 * the blocks of rows in the window and a new block, which blocks stay and which rows leave. It
 * knows nothing of the aggregation; {@link WindowAccumulator} joins the two.
 */
public sealed interface Windowing extends Serializable {

    /**
     * The blocks that stay in the window and the rows that left it, oldest first.
     *
     * @param kept the blocks still in the window
     * @param old  the rows that left it
     */
    record Decay(List<Table> kept, List<Table> old) {
    }

    /** Adds {@code added} to {@code kept} (not changed) and cuts what falls out of the window. */
    Decay decay(List<Table> kept, Table added);

    /** All history: nothing ever leaves, so no rows need to be kept. */
    record AllHistory() implements Windowing {
        @Override
        public Decay decay(List<Table> kept, Table added) {
            return new Decay(List.of(), List.of());
        }

        @Override
        public String toString() {
            return "all history";
        }
    }

    /**
     * The last {@code n} rows.
     *
     * @param n the number of rows in the window
     */
    record LastRows(int n) implements Windowing {
        @Override
        public Decay decay(List<Table> kept, Table added) {
            List<Table> blocks = withAdded(kept, added);
            int excess = -n;
            for (Table block : blocks) {
                excess += block.rowCount();
            }
            List<Table> old = new ArrayList<>();
            while (excess > 0) {
                Table first = blocks.get(0);
                if (first.rowCount() <= excess) {
                    old.add(blocks.remove(0));
                    excess -= first.rowCount();
                } else {
                    old.add(RowBlocks.rows(first, 0, excess));
                    blocks.set(0, RowBlocks.rows(first, excess, first.rowCount()));
                    excess = 0;
                }
            }
            return new Decay(List.copyOf(blocks), old);
        }

        @Override
        public String toString() {
            return "last " + n + " rows";
        }
    }

    /**
     * The rows whose time index lies within {@code range} of the latest time seen, i.e. in
     * {@code (latest - range, latest]}. The index must not decrease (as in streamz, rows arriving
     * out of order are not looked for beyond the front of the window).
     *
     * @param range the time range of the window
     * @param index the time index column
     */
    record IndexRange(Duration range, String index) implements Windowing {
        @Override
        public Decay decay(List<Table> kept, Table added) {
            List<Table> blocks = withAdded(kept, added);
            if (blocks.isEmpty()) {
                return new Decay(List.of(), List.of());
            }
            long latest = Long.MIN_VALUE;
            for (Table block : blocks) {
                latest = Math.max(latest, TimeIndex.millis(block, index, block.rowCount() - 1));
            }
            long earliestKept = latest - range.toMillis() + 1;
            List<Table> old = new ArrayList<>();
            while (!blocks.isEmpty()) {
                Table first = blocks.get(0);
                int leaving = 0;
                while (leaving < first.rowCount() && TimeIndex.millis(first, index, leaving) < earliestKept) {
                    leaving++;
                }
                if (leaving == 0) {
                    break;
                }
                old.add(RowBlocks.rows(first, 0, leaving));
                if (leaving == first.rowCount()) {
                    blocks.remove(0);
                } else {
                    blocks.set(0, RowBlocks.rows(first, leaving, first.rowCount()));
                    break;
                }
            }
            return new Decay(List.copyOf(blocks), old);
        }

        @Override
        public String toString() {
            return "index range " + range;
        }
    }

    private static List<Table> withAdded(List<Table> kept, Table added) {
        List<Table> blocks = new ArrayList<>(kept);
        if (added.rowCount() > 0) {
            blocks.add(added);
        }
        return blocks;
    }
}
