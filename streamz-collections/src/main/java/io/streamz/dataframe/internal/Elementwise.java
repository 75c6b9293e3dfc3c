package io.streamz.dataframe.internal;

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
 * Missing values are NaN and give what numpy gives for NaN (NaN, except {@code NaN ** 0 = 1}).
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
        /** {@code x ** operand}; as numpy, {@code 1 ** y} and {@code x ** 0} are 1 even for NaN. */
        POW,
        /** {@code x // operand}: Python's floor division, {@code ±inf} or NaN for a divisor of 0, as numpy. */
        FLOOR_DIVIDE,
        /** {@code x % operand}: Python's modulo, with the sign of the divisor; NaN for a divisor of 0. */
        MOD,
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
                    return value == 1 ? 1 : Math.pow(value, operand);
                case FLOOR_DIVIDE:
                    return floorDivide(value, operand);
                case MOD:
                    return mod(value, operand);
                case ABS:
                    return Math.abs(value);
                case NEG:
                    return -value;
                default:
                    throw new AssertionError(this);
            }
        }
    }

    /** Python's (and numpy's) {@code x // y}: the floor of the exact quotient, not of the rounded one. */
    private static double floorDivide(double x, double y) {
        if (y == 0) {
            return x / y;
        }
        double mod = x % y;
        double div = (x - mod) / y;
        if (mod != 0 && (y < 0) != (mod < 0)) {
            div -= 1;
        }
        if (div == 0) {
            return Math.copySign(0, x / y);
        }
        double floor = Math.floor(div);
        return div - floor > 0.5 ? floor + 1 : floor;
    }

    /** Python's {@code x % y}: Java's remainder moved to the sign of {@code y}. */
    private static double mod(double x, double y) {
        double mod = x % y;
        if (mod != 0 && (y < 0) != (mod < 0)) {
            return mod + y;
        }
        return mod == 0 ? Math.copySign(0, y) : mod;
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

    /**
     * {@code left op right} row by row, as a DOUBLE column named like {@code left} (streamz's
     * {@code sdf.x // sdf.y}); a missing value is NaN, so the result is as numpy computes it.
     *
     * @throws IllegalArgumentException when a column is not numeric or the row counts differ
     */
    public static DoubleColumn combine(Column<?> left, Column<?> right, Arithmetic op) {
        NumericColumn<?> x = numeric(left);
        NumericColumn<?> y = numeric(right);
        requireSameRows(left, right);
        double[] values = new double[x.size()];
        for (int row = 0; row < values.length; row++) {
            values[row] = op.apply(x.getDouble(row), y.getDouble(row));
        }
        return DoubleColumn.create(left.name(), values);
    }

    /** Fails unless the two columns have as many rows: the rows of one table are paired by position. */
    public static void requireSameRows(Column<?> left, Column<?> right) {
        if (left.size() != right.size()) {
            throw new IllegalArgumentException("cannot pair the " + left.size() + " rows of " + left.name()
                    + " with the " + right.size() + " rows of " + right.name()
                    + ": combine columns of the same frame before filtering either");
        }
    }

    /** {@code column} as numbers, or an error that says which column is not numeric. */
    public static NumericColumn<?> numeric(Column<?> column) {
        if (!(column instanceof NumericColumn<?> numbers)) {
            throw new IllegalArgumentException("column " + column.name() + " is " + column.type() + ", not numeric");
        }
        return numbers;
    }

    private static DoubleColumn mapDoubles(Column<?> column, DoubleUnaryOperator op) {
        NumericColumn<?> numbers = numeric(column);
        double[] values = new double[numbers.size()];
        for (int row = 0; row < values.length; row++) {
            // A missing value is NaN and every operation gives NaN for it, except NaN ** 0 = 1 as in numpy.
            values[row] = op.applyAsDouble(numbers.getDouble(row));
        }
        return DoubleColumn.create(column.name(), values);
    }

    private static boolean isIntegral(Column<?> column) {
        String type = column.type().name();
        return type.equals("INTEGER") || type.equals("LONG") || type.equals("SHORT");
    }
}
