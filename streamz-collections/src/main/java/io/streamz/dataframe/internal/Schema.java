package io.streamz.dataframe.internal;

import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The column names and types of a table, as a serializable value: functions that must build
 * tables on a cluster node carry a schema instead of an example {@code Table}, which is not
 * serializable.
 *
 * @param names     column names, in order
 * @param typeNames Tablesaw {@link ColumnType} names ({@code "DOUBLE"}, {@code "STRING"}), in order
 */
public record Schema(List<String> names, List<String> typeNames) implements Serializable {
    /** Copies the lists and checks that they match. */
    public Schema {
        names = List.copyOf(names);
        typeNames = List.copyOf(typeNames);
        if (names.size() != typeNames.size()) {
            throw new IllegalArgumentException("a schema needs one type per column name");
        }
    }

    /** The schema of {@code table}. */
    public static Schema of(Table table) {
        List<String> types = new ArrayList<>();
        for (Column<?> column : table.columns()) {
            types.add(column.type().name());
        }
        return new Schema(table.columnNames(), types);
    }

    /** A table with no rows and these columns. */
    public Table emptyTable() {
        List<Column<?>> columns = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            columns.add(emptyColumn(typeNames.get(i), names.get(i)));
        }
        return Table.create(columns);
    }

    /** An empty column of the named Tablesaw type. */
    public static Column<?> emptyColumn(String typeName, String name) {
        return ColumnType.valueOf(typeName).create(name);
    }

    /** Whether {@code table} has exactly these column names and types, in this order. */
    public boolean matches(Table table) {
        return equals(of(table));
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < names.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(names.get(i)).append(' ').append(typeNames.get(i));
        }
        return text.append(']').toString();
    }
}
