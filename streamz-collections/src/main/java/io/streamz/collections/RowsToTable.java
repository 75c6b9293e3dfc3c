package io.streamz.collections;

import io.streamz.dataframe.internal.Schema;
import io.streamz.function.FunctionEx;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A batch of records as a table ({@code pd.DataFrame(list_of_records)}): a {@code Map} record gives
 * the values of the columns named by its keys, a {@code List} record the values of columns
 * {@code "0"}, {@code "1"}, ... in order. A missing key or a {@code null} is a missing value; a
 * value that does not fit its column's type fails with a message naming the column.
 *
 * @param schema the columns, from the example record or an example table
 */
record RowsToTable(Schema schema) implements FunctionEx<List<?>, Table> {

    /** The columns that {@code record} describes, typed by its values. */
    static Schema inferFrom(Object record) {
        List<String> names = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        if (record instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                names.add(String.valueOf(key));
                values.add(value);
            });
        } else if (record instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                names.add(String.valueOf(i));
                values.add(list.get(i));
            }
        } else {
            throw new IllegalArgumentException("toDataFrame needs Map or List records, the example holds "
                    + (record == null ? "null" : record.getClass().getName()));
        }
        List<String> types = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            types.add(typeOf(names.get(i), values.get(i)).name());
        }
        return new Schema(names, types);
    }

    private static ColumnType typeOf(String name, Object value) {
        if (value instanceof Integer) {
            return ColumnType.INTEGER;
        } else if (value instanceof Long) {
            return ColumnType.LONG;
        } else if (value instanceof Short) {
            return ColumnType.SHORT;
        } else if (value instanceof Number) {
            return ColumnType.DOUBLE;
        } else if (value instanceof Boolean) {
            return ColumnType.BOOLEAN;
        } else if (value instanceof String) {
            return ColumnType.STRING;
        } else if (value instanceof LocalDateTime) {
            return ColumnType.LOCAL_DATE_TIME;
        } else if (value instanceof LocalDate) {
            return ColumnType.LOCAL_DATE;
        } else if (value instanceof LocalTime) {
            return ColumnType.LOCAL_TIME;
        } else if (value instanceof Instant) {
            return ColumnType.INSTANT;
        }
        throw new IllegalArgumentException("cannot tell the column type of " + name + " from the example value "
                + value + ": give toDataFrame an example Table");
    }

    @Override
    public Table applyEx(List<?> records) {
        Table table = schema.emptyTable();
        for (Object record : records) {
            for (int c = 0; c < schema.names().size(); c++) {
                append(table.column(c), valueOf(record, c));
            }
        }
        return table;
    }

    private Object valueOf(Object record, int c) {
        if (record instanceof Map<?, ?> map) {
            return map.get(schema.names().get(c));
        }
        if (record instanceof List<?> list) {
            return c < list.size() ? list.get(c) : null;
        }
        throw new IllegalArgumentException("toDataFrame needs Map or List records, got "
                + (record == null ? "null" : record.getClass().getName()));
    }

    private static void append(Column<?> column, Object value) {
        if (value == null) {
            column.appendMissing();
            return;
        }
        String type = column.type().name();
        Object converted = switch (type) {
            case "INTEGER" -> exactly(column, value, Number::intValue);
            case "LONG" -> exactly(column, value, Number::longValue);
            case "SHORT" -> exactly(column, value, Number::shortValue);
            case "DOUBLE" -> number(column, value).doubleValue();
            case "FLOAT" -> number(column, value).floatValue();
            default -> value;
        };
        try {
            column.appendObj(converted);
        } catch (RuntimeException e) {
            throw mismatch(column, value);
        }
    }

    private static Number exactly(Column<?> column, Object value, java.util.function.Function<Number, Number> convert) {
        Number number = number(column, value);
        Number converted = convert.apply(number);
        if (converted.doubleValue() != number.doubleValue()) {
            throw mismatch(column, value);
        }
        return converted;
    }

    private static Number number(Column<?> column, Object value) {
        if (value instanceof Number number) {
            return number;
        }
        throw mismatch(column, value);
    }

    private static IllegalArgumentException mismatch(Column<?> column, Object value) {
        return new IllegalArgumentException("column " + column.name() + " holds " + column.type()
                + " values (from the example); got " + value + " (" + value.getClass().getSimpleName()
                + "): give an example whose " + column.name() + " has this type");
    }
}
