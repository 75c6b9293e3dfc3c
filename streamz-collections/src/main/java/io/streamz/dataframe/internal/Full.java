package io.streamz.dataframe.internal;

import io.streamz.Accumulated;
import io.streamz.dataframe.Aggregation;
import tech.tablesaw.api.Table;

import java.util.List;

/**
 * Every row in the window, as one table (streamz's {@code Full}, behind {@code Window.apply}). It
 * copies the window at every table, so it costs what the window holds. The state starts as
 * {@code null} (no rows yet) rather than an empty table, so that the start state is serializable.
 */
public record Full() implements Aggregation<Table, Table> {
    @Override
    public Table initial(Table example) {
        return null;
    }

    @Override
    public Accumulated<Table, Table> onNew(Table state, Table rows) {
        Table all = state == null ? RowBlocks.concat(rows, List.of(rows)) : RowBlocks.concat(state, rows);
        return Accumulated.of(all, all);
    }

    @Override
    public Accumulated<Table, Table> onOld(Table state, Table rows) {
        Table rest = RowBlocks.rows(state, rows.rowCount(), state.rowCount());
        return Accumulated.of(rest, rest);
    }
}
