package io.streamz.dataframe;

import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random streams of random tables for the property tests, from a seeded generator: a
 * non-decreasing {@code time}, a {@code name} and an integer key {@code k} (both sometimes
 * missing), a DOUBLE {@code x} and an INTEGER {@code y} (both sometimes missing). Tables may be
 * empty.
 */
final class RandomTables {
    static final String[] NAMES = {"Alice", "Bob", "Carol", "Dan"};
    private static final LocalDateTime START = LocalDateTime.of(2024, 1, 1, 0, 0);

    private final Random random;
    private LocalDateTime now = START;

    RandomTables(long seed) {
        random = new Random(seed);
    }

    /** The schema of every table, with no rows. */
    static Table example() {
        return Table.create("example", DateTimeColumn.create("time"), StringColumn.create("name"),
                IntColumn.create("k"), DoubleColumn.create("x"), IntColumn.create("y"));
    }

    /** 1 to 8 tables of 0 to 20 rows each. */
    List<Table> stream() {
        List<Table> tables = new ArrayList<>();
        int count = 1 + random.nextInt(8);
        for (int i = 0; i < count; i++) {
            tables.add(table(random.nextInt(5) == 0 ? 0 : random.nextInt(21)));
        }
        return tables;
    }

    Table table(int rows) {
        Table table = example();
        for (int row = 0; row < rows; row++) {
            now = now.plusNanos(random.nextInt(3) * 1_000_000_000L + random.nextInt(1000) * 1_000_000L);
            table.dateTimeColumn("time").append(now);
            if (random.nextInt(10) == 0) {
                table.stringColumn("name").appendMissing();
            } else {
                table.stringColumn("name").append(NAMES[random.nextInt(NAMES.length)]);
            }
            appendOrMissing(table.intColumn("k"), random.nextInt(5));
            if (random.nextInt(8) == 0) {
                table.doubleColumn("x").appendMissing();
            } else {
                table.doubleColumn("x").append(random.nextDouble() * 200 - 100);
            }
            appendOrMissing(table.intColumn("y"), random.nextInt(101) - 50);
        }
        return table;
    }

    private void appendOrMissing(IntColumn column, int value) {
        if (random.nextInt(8) == 0) {
            column.appendMissing();
        } else {
            column.append(value);
        }
    }

    /** A window size for the last-n-rows scheme. */
    int windowRows() {
        return 1 + random.nextInt(30);
    }

    /** A time range for the index-range scheme, 1 to 10 s. */
    java.time.Duration windowRange() {
        return java.time.Duration.ofMillis(1000 + random.nextInt(9000));
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }
}
