package io.streamz.dataframe.internal;

import io.streamz.function.FunctionEx;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.util.List;

/**
 * Boolean {@code &}, {@code |} and {@code ~} of BOOLEAN columns. A missing value counts as false in
 * {@code &} and {@code |}, as pandas does for a boolean column holding {@code None}; {@code ~}
 * keeps it missing.
 */
public final class Logic {
    private Logic() {
    }

    /** {@code left & right} row by row, named like {@code left}. */
    public static BooleanColumn and(Column<?> left, Column<?> right) {
        return combine(left, right, true);
    }

    /** {@code left | right} row by row, named like {@code left}. */
    public static BooleanColumn or(Column<?> left, Column<?> right) {
        return combine(left, right, false);
    }

    /** Each of {@code columns} (BOOLEAN) negated. */
    public static FunctionEx<Table, Table> not(List<String> columns) {
        List<String> names = List.copyOf(columns);
        return table -> Elementwise.replace(table, names, column -> {
            BooleanColumn values = booleans(column);
            BooleanColumn result = BooleanColumn.create(column.name(), values.size());
            for (int row = 0; row < values.size(); row++) {
                if (values.isMissing(row)) {
                    result.setMissing(row);
                } else {
                    result.set(row, !values.get(row));
                }
            }
            return result;
        });
    }

    private static BooleanColumn combine(Column<?> left, Column<?> right, boolean and) {
        BooleanColumn x = booleans(left);
        BooleanColumn y = booleans(right);
        Elementwise.requireSameRows(left, right);
        BooleanColumn result = BooleanColumn.create(left.name(), x.size());
        for (int row = 0; row < x.size(); row++) {
            boolean a = isTrue(x, row);
            boolean b = isTrue(y, row);
            result.set(row, and ? a && b : a || b);
        }
        return result;
    }

    private static boolean isTrue(BooleanColumn column, int row) {
        return !column.isMissing(row) && column.get(row);
    }

    /** {@code column} as a BOOLEAN column, or an error that says which column is not one. */
    public static BooleanColumn booleans(Column<?> column) {
        if (!(column instanceof BooleanColumn values)) {
            throw new IllegalArgumentException("column " + column.name() + " is " + column.type()
                    + ", not BOOLEAN: compare it first, e.g. gt(0)");
        }
        return values;
    }
}
