package io.streamz.dataframe.internal;

import io.streamz.Accumulated;
import io.streamz.function.BiFunctionEx;
import tech.tablesaw.api.Table;

/**
 * The rows a rolling window keeps for later windows, emitted after each table (streamz's
 * {@code rolling(..., with_state=True)} state): give them to another rolling window's start to
 * resume it.
 *
 * @param window the rolling window (its columns may be empty: only the kept rows matter)
 */
public record KeptRows(RollingWindow window) implements BiFunctionEx<Table, Table, Accumulated<Table, Table>> {
    @Override
    public Accumulated<Table, Table> applyEx(Table history, Table rows) {
        Table kept = window.applyEx(history, rows).state();
        return Accumulated.of(kept, kept);
    }
}
