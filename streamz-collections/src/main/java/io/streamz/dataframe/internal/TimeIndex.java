package io.streamz.dataframe.internal;

import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.time.ZoneOffset;

/**
 * Reads a time index ({@code LOCAL_DATE_TIME}, taken as UTC, or {@code INSTANT}) as epoch
 * milliseconds: Tablesaw keeps times at millisecond resolution.
 */
public final class TimeIndex {
    private TimeIndex() {
    }

    /** Whether a column of this type can index time windows. */
    public static boolean isTime(ColumnType type) {
        return type.equals(ColumnType.LOCAL_DATE_TIME) || type.equals(ColumnType.INSTANT);
    }

    /** The time of {@code row} in the column {@code index} of {@code table}, in epoch milliseconds. */
    public static long millis(Table table, String index, int row) {
        Column<?> column = table.column(index);
        if (column.isMissing(row)) {
            throw new IllegalArgumentException("the time index " + index + " is missing in row " + row
                    + ": time windows need a time in every row");
        }
        if (column instanceof DateTimeColumn times) {
            return times.get(row).toInstant(ZoneOffset.UTC).toEpochMilli();
        }
        if (column instanceof InstantColumn instants) {
            return instants.get(row).toEpochMilli();
        }
        throw new IllegalArgumentException("the index " + index + " is a " + column.type()
                + " column: time windows need a LOCAL_DATE_TIME or INSTANT index");
    }
}
