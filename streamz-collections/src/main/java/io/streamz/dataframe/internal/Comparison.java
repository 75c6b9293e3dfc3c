package io.streamz.dataframe.internal;

import io.streamz.function.FunctionEx;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.util.List;

/**
 * The comparisons of streamz's {@code OperatorMixin} ({@code >}, {@code <}, {@code >=}, {@code <=},
 * {@code ==}, {@code !=}), giving BOOLEAN columns. As in pandas, a missing value compares false,
 * except with {@code !=} where it compares true.
 */
public enum Comparison {
    /** {@code x > y}. */
    GT,
    /** {@code x < y}. */
    LT,
    /** {@code x >= y}. */
    GE,
    /** {@code x <= y}. */
    LE,
    /** {@code x == y}. */
    EQ,
    /** {@code x != y}. */
    NE;

    /** Java's comparison of doubles is IEEE's, which is pandas' for NaN. */
    boolean test(double x, double y) {
        switch (this) {
            case GT:
                return x > y;
            case LT:
                return x < y;
            case GE:
                return x >= y;
            case LE:
                return x <= y;
            case EQ:
                return x == y;
            case NE:
                return x != y;
            default:
                throw new AssertionError(this);
        }
    }

    /** Each of {@code columns} (numeric) replaced by the BOOLEAN column of {@code x op operand}. */
    public FunctionEx<Table, Table> against(List<String> columns, double operand) {
        List<String> names = List.copyOf(columns);
        return table -> Elementwise.replace(table, names, column -> apply(column, operand));
    }

    private BooleanColumn apply(Column<?> column, double operand) {
        NumericColumn<?> x = Elementwise.numeric(column);
        BooleanColumn result = BooleanColumn.create(column.name(), x.size());
        for (int row = 0; row < x.size(); row++) {
            result.set(row, test(x.getDouble(row), operand));
        }
        return result;
    }

    /**
     * {@code left op right} row by row, as a BOOLEAN column named like {@code left}.
     *
     * @throws IllegalArgumentException when a column is not numeric or the row counts differ
     */
    public BooleanColumn apply(Column<?> left, Column<?> right) {
        NumericColumn<?> x = Elementwise.numeric(left);
        NumericColumn<?> y = Elementwise.numeric(right);
        Elementwise.requireSameRows(left, right);
        BooleanColumn result = BooleanColumn.create(left.name(), x.size());
        for (int row = 0; row < x.size(); row++) {
            result.set(row, test(x.getDouble(row), y.getDouble(row)));
        }
        return result;
    }

    /** The streamz operator: {@code >}, {@code <}, {@code >=}, {@code <=}, {@code ==}, {@code !=}. */
    public String symbol() {
        return new String[]{">", "<", ">=", "<=", "==", "!="}[ordinal()];
    }
}
