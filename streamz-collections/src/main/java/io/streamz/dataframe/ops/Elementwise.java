package io.streamz.dataframe.ops;

import io.streamz.function.FunctionEx;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * Element-wise table functions (streamz's operator overloads and {@code round}): each maps some
 * columns of every table to new columns of the same name and leaves the others as they are.
 * Missing values stay missing.
 */
public final class Elementwise {
    private Elementwise() {
    }

    /** The arithmetic of streamz's {@code OperatorMixin} that takes a number. */
    public enum Arithmetic {
        /** {@code x + operand}. */
        ADD,
        /** {@code x - operand}. */
        SUBTRACT,
        /** {@code x * operand}. */
        MULTIPLY,
        /** {@code x / operand}. */
        DIVIDE,
        /** {@code x ** operand}. */
        POW,
        /** {@code abs(x)}, no operand. */
        ABS,
        /** {@code -x}, no operand. */
        NEG;

        double apply(double value, double operand) {
            switch (this) {
                case ADD:
                    return value + operand;
                case SUBTRACT:
                    return value - operand;
                case MULTIPLY:
                    return value * operand;
                case DIVIDE:
                    return value / operand;
                case POW:
                    return Math.pow(value, operand);
                case ABS:
                    return Math.abs(value);
                case NEG:
                    return -value;
                default:
                    throw new AssertionError(this);
            }
        }
    }

    /** {@code op} with {@code operand} applied to every value of {@code columns}, as DOUBLE columns. */
    public static FunctionEx<Table, Table> arithmetic(List<String> columns, Arithmetic op, double operand) {
        List<String> names = List.copyOf(columns);
        return table -> replace(table, names, column -> mapDoubles(column, value -> op.apply(value, operand)));
    }

    /**
     * Rounds {@code columns} to {@code decimals} places half to even, as numpy does (multiply,
     * {@code rint}, divide); integer columns are left alone unless {@code decimals} is negative.
     */
    public static FunctionEx<Table, Table> round(List<String> columns, int decimals) {
        List<String> names = List.copyOf(columns);
        return table -> replace(table, names, column -> decimals >= 0 && isIntegral(column)
                ? column : mapDoubles(column, value -> round(value, decimals)));
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, Math.abs(decimals));
        return decimals >= 0 ? Math.rint(value * scale) / scale : Math.rint(value / scale) * scale;
    }

    /** {@code f} applied to each of {@code columns}; its results are renamed to the column they came from. */
    public static FunctionEx<Table, Table> map(List<String> columns, FunctionEx<Column<?>, ? extends Column<?>> f) {
        List<String> names = List.copyOf(columns);
        return table -> replace(table, names, f::apply);
    }

    /** {@code table} with each of {@code columns} replaced by {@code f} of it (renamed back), the rest shared. */
    public static Table replace(Table table, List<String> columns, FunctionEx<Column<?>, ? extends Column<?>> f) {
        List<Column<?>> result = new ArrayList<>();
        for (Column<?> column : table.columns()) {
            if (columns.contains(column.name())) {
                Column<?> mapped = f.apply(column);
                if (mapped.size() != column.size()) {
                    throw new IllegalArgumentException("the function gave " + mapped.size() + " values for column "
                            + column.name() + " of " + column.size() + " rows: return one value per row");
                }
                result.add(mapped == column ? column : renamed(mapped, table, column.name()));
            } else {
                result.add(column);
            }
        }
        return Table.create(table.name(), result);
    }

    /** {@code table} with the named columns replaced by the given ones, the rest shared. */
    public static Table replace(Table table, Map<String, ? extends Column<?>> replacements) {
        List<Column<?>> result = new ArrayList<>();
        for (Column<?> column : table.columns()) {
            result.add(replacements.containsKey(column.name()) ? replacements.get(column.name()) : column);
        }
        return Table.create(table.name(), result);
    }

    /**
     * {@code column} named {@code name}; copied first when it belongs to {@code table}, whose own
     * column must not be renamed.
     */
    public static Column<?> renamed(Column<?> column, Table table, String name) {
        if (column.name().equals(name)) {
            return column;
        }
        for (Column<?> own : table.columns()) {
            if (own == column) {
                return column.copy().setName(name);
            }
        }
        return column.setName(name);
    }

    private static DoubleColumn mapDoubles(Column<?> column, DoubleUnaryOperator op) {
        if (!(column instanceof NumericColumn<?> numbers)) {
            throw new IllegalArgumentException("column " + column.name() + " is " + column.type() + ", not numeric");
        }
        double[] values = new double[numbers.size()];
        for (int row = 0; row < values.length; row++) {
            double value = numbers.getDouble(row);
            values[row] = Double.isNaN(value) ? Double.NaN : op.applyAsDouble(value);
        }
        return DoubleColumn.create(column.name(), values);
    }

    private static boolean isIntegral(Column<?> column) {
        String type = column.type().name();
        return type.equals("INTEGER") || type.equals("LONG") || type.equals("SHORT");
    }
}
