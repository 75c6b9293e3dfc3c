package io.streamz.dataframe.internal;

import io.streamz.dataframe.Aggregation;
import io.streamz.function.FunctionEx;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.selection.Selection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Per-element table functions that select, filter, add or wrap columns and rows, and the functions
 * that shape reduction results. Columns not touched are shared with the input table, not copied:
 * elements are treated as immutable.
 */
public final class Reshape {
    private Reshape() {
    }

    /** The rows {@code selection} picks in each table (streamz's {@code df[df.x > 0]}). */
    public static FunctionEx<Table, Table> where(FunctionEx<Table, Selection> selection) {
        return table -> table.where(selection.apply(table));
    }

    /** Only the named columns, in the given order. */
    public static FunctionEx<Table, Table> select(List<String> names) {
        List<String> kept = List.copyOf(names);
        return table -> {
            List<Column<?>> columns = new ArrayList<>();
            for (String name : kept) {
                columns.add(table.column(name));
            }
            return Table.create(table.name(), columns);
        };
    }

    /** The table with {@code f}'s column named {@code name}: replacing the column of that name, else added last. */
    public static FunctionEx<Table, Table> assign(String name, FunctionEx<Table, ? extends Column<?>> f) {
        return table -> {
            Column<?> column = f.apply(table);
            if (column == null || column.size() != table.rowCount()) {
                throw new IllegalArgumentException("the column assigned to " + name + " has "
                        + (column == null ? "no" : String.valueOf(column.size())) + " values for a table of "
                        + table.rowCount() + " rows: return one value per row");
            }
            Column<?> named = Elementwise.renamed(column, table, name);
            List<Column<?>> columns = new ArrayList<>(table.columns());
            int position = table.columnNames().indexOf(name);
            if (position >= 0) {
                columns.set(position, named);
            } else {
                columns.add(named);
            }
            return Table.create(table.name(), columns);
        };
    }

    /** The last {@code n} rows of each table. */
    public static FunctionEx<Table, Table> tail(int n) {
        return table -> RowBlocks.rows(table, Math.max(0, table.rowCount() - n), table.rowCount());
    }

    /**
     * The {@code n} rows with the largest (or smallest) values of {@code column}, in that order
     * (pandas' {@code nlargest}/{@code nsmallest}): rows with a missing value are left out, and of
     * equal values the earlier row comes first ({@code keep='first'}).
     */
    public static FunctionEx<Table, Table> extremes(String column, int n, boolean largest) {
        return table -> {
            NumericColumn<?> values = table.numberColumn(column);
            List<Integer> rows = new ArrayList<>();
            for (int row = 0; row < values.size(); row++) {
                if (!values.isMissing(row)) {
                    rows.add(row);
                }
            }
            Comparator<Integer> ascending = Comparator.comparingDouble(values::getDouble);
            rows.sort(largest ? ascending.reversed() : ascending);  // List.sort is stable: ties keep row order
            Table result = table.emptyCopy();
            for (int row : rows.subList(0, Math.min(n, rows.size()))) {
                result.addRow(row, table);  // not Table.rows, which keeps the table's order
            }
            return result;
        };
    }

    /** The table with a first column {@code name} numbering its rows from 0 (pandas' default index). */
    public static FunctionEx<Table, Table> rowNumbers(String name) {
        return table -> {
            IntColumn numbers = IntColumn.indexColumn(name, table.rowCount(), 0);
            List<Column<?>> columns = new ArrayList<>();
            columns.add(numbers);
            columns.addAll(table.columns());
            return Table.create(table.name(), columns);
        };
    }

    /** The column {@code name} of each table. */
    public static FunctionEx<Table, Column<?>> column(String name) {
        return table -> table.column(name);
    }

    /** Each column as a table of that one column. */
    public static FunctionEx<Column<?>, Table> asTable() {
        return column -> Table.create(column.name(), List.of(column));
    }

    /** Per-column results as a one-row table of DOUBLE columns named {@code names}. */
    public static FunctionEx<double[], Table> oneRow(List<String> names) {
        List<String> columns = List.copyOf(names);
        return values -> {
            List<Column<?>> result = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                result.add(DoubleColumn.create(columns.get(c), new double[]{values[c]}));
            }
            return Table.create(result);
        };
    }

    /** The one result of a one-column reduction. */
    public static FunctionEx<double[], Double> onlyValue() {
        return values -> values[0];
    }

    /** {@code aggregation} over each table on its own: for updating frames, whose every element is the whole data. */
    public static <S, R> FunctionEx<Table, R> each(Aggregation<S, R> aggregation) {
        return table -> aggregation.onNew(aggregation.initial(table.emptyCopy()), table).value();
    }
}
