package io.streamz.dataframe.internal;

import io.streamz.Accumulated;
import io.streamz.dataframe.Aggregation;
import tech.tablesaw.api.Table;

/**
 * {@code size} (streamz's {@code Size}): the number of cells in the window, rows times
 * {@code columns}, missing values included.
 *
 * @param columns how many columns count (the index does not, as in pandas)
 */
public record Size(int columns) implements Aggregation<Long, Long> {
    @Override
    public Long initial(Table example) {
        return 0L;
    }

    @Override
    public Accumulated<Long, Long> onNew(Long state, Table rows) {
        long size = state + (long) rows.rowCount() * columns;
        return Accumulated.of(size, size);
    }

    @Override
    public Accumulated<Long, Long> onOld(Long state, Table rows) {
        long size = state - (long) rows.rowCount() * columns;
        return Accumulated.of(size, size);
    }
}
