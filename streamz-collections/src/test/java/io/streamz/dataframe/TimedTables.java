package io.streamz.dataframe;

import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.time.LocalDateTime;

/** Small tables of {@code time} (seconds after an origin), {@code name} and {@code x}, as in the Python checks. */
final class TimedTables {
    static final LocalDateTime ORIGIN = LocalDateTime.of(2024, 1, 1, 0, 0);

    private TimedTables() {
    }

    static Table example() {
        return of(new int[0], new String[0], new double[0]);
    }

    static Table of(int[] seconds, String[] names, double[] x) {
        DateTimeColumn time = DateTimeColumn.create("time");
        for (int second : seconds) {
            time.append(ORIGIN.plusSeconds(second));
        }
        return Table.create("timed", time, StringColumn.create("name", names), DoubleColumn.create("x", x));
    }

    /** {@code x = [1, 2, 3]} at 0, 1, 2 s named a, b, a. */
    static Table first() {
        return of(new int[]{0, 1, 2}, new String[]{"a", "b", "a"}, new double[]{1, 2, 3});
    }

    /** {@code x = [4, 1]} at 3, 5 s named b, b. */
    static Table second() {
        return of(new int[]{3, 5}, new String[]{"b", "b"}, new double[]{4, 1});
    }
}
