package io.streamz.dataframe.internal;

import tech.tablesaw.api.Table;

import java.util.List;

/** Joining and cutting blocks of rows that share one schema (the windows' history). */
public final class RowBlocks {
    private RowBlocks() {
    }

    /** The rows of {@code blocks} one after the other, in a new table shaped like {@code shape}. */
    public static Table concat(Table shape, List<Table> blocks) {
        Table result = shape.emptyCopy();
        for (Table block : blocks) {
            result.append(block);
        }
        return result;
    }

    /** The rows of {@code first} then those of {@code second}, in a new table. */
    public static Table concat(Table first, Table second) {
        return concat(first, List.of(first, second));
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive): the table itself when that is all of it. */
    public static Table rows(Table table, int from, int to) {
        if (from == 0 && to == table.rowCount()) {
            return table;
        }
        // Tablesaw rejects an empty range.
        return from == to ? table.emptyCopy() : table.inRange(from, to);
    }
}
