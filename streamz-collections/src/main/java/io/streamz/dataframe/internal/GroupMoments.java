package io.streamz.dataframe.internal;

import io.streamz.Accumulated;
import io.streamz.dataframe.Aggregation;
import io.streamz.dataframe.Statistic;
import io.streamz.dataframe.state.GroupCell;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groupby-aggregations (streamz's {@code GroupbySum}, {@code GroupbyMean}, {@code GroupbyCount},
 * {@code GroupbySize}, {@code GroupbyVar}, and {@code ValueCounts}) as one {@link Aggregation}: per
 * key, the running moments of each value column and the number of rows. A key whose rows have all
 * left the window is dropped (streamz's parallel size aggregation). Rows with a missing key are
 * skipped, as pandas does. The emitted table holds the key columns, sorted by key, then one
 * {@code DOUBLE} column per value column, or the row counts when {@code statistic} is {@code null}.
 *
 * @param keys      the key columns read from the rows
 * @param keySchema names and types of the key columns in the result
 * @param values    the value columns (none for row counts)
 * @param statistic what is emitted per value column, or {@code null} for the row count per key
 * @param ddof      delta degrees of freedom of VAR and STD
 * @param countName the name of the row-count column when {@code statistic} is {@code null}
 */
public record GroupMoments(List<String> keys, Schema keySchema, List<String> values, Statistic statistic,
                           int ddof, String countName)
        implements Aggregation<Map<List<Object>, GroupCell>, Table> {

    /** Copies the lists. */
    public GroupMoments {
        keys = List.copyOf(keys);
        values = List.copyOf(values);
    }

    /** The moments of a key with no rows yet. */
    static GroupCell emptyCell(int width) {
        return new GroupCell(new double[width], new double[width], new double[width], 0);
    }

    /** {@code cell} with the moments of {@code other} added ({@code sign} 1) or taken away (-1); neither is changed. */
    static GroupCell plus(GroupCell cell, GroupCell other, int sign) {
        double[] s = cell.sums().clone();
        double[] q = cell.sumsOfSquares().clone();
        double[] c = cell.counts().clone();
        for (int i = 0; i < s.length; i++) {
            s[i] += sign * other.sums()[i];
            q[i] += sign * other.sumsOfSquares()[i];
            c[i] += sign * other.counts()[i];
        }
        return new GroupCell(s, q, c, cell.rows() + sign * other.rows());
    }

    @Override
    public Map<List<Object>, GroupCell> initial(Table example) {
        return Map.of();
    }

    @Override
    public Accumulated<Map<List<Object>, GroupCell>, Table> onNew(Map<List<Object>, GroupCell> state, Table rows) {
        return merge(state, rows, 1);
    }

    @Override
    public Accumulated<Map<List<Object>, GroupCell>, Table> onOld(Map<List<Object>, GroupCell> state, Table rows) {
        return merge(state, rows, -1);
    }

    private Accumulated<Map<List<Object>, GroupCell>, Table> merge(Map<List<Object>, GroupCell> state, Table rows, int sign) {
        Map<List<Object>, GroupCell> next = new HashMap<>(state);
        for (Map.Entry<List<Object>, GroupCell> change : cellsOf(rows).entrySet()) {
            GroupCell previous = next.getOrDefault(change.getKey(), emptyCell(values.size()));
            GroupCell merged = plus(previous, change.getValue(), sign);
            if (merged.rows() > 0) {
                next.put(change.getKey(), merged);
            } else {
                next.remove(change.getKey());
            }
        }
        return Accumulated.of(next, result(next));
    }

    /** The moments of {@code rows} per key; rows with a missing key are left out. */
    Map<List<Object>, GroupCell> cellsOf(Table rows) {
        List<Column<?>> keyColumns = new ArrayList<>();
        for (String key : keys) {
            keyColumns.add(rows.column(key));
        }
        NumericColumn<?>[] valueColumns = new NumericColumn<?>[values.size()];
        for (int v = 0; v < valueColumns.length; v++) {
            valueColumns[v] = rows.numberColumn(values.get(v));
        }
        Map<List<Object>, Filling> filling = new HashMap<>();
        for (int row = 0; row < rows.rowCount(); row++) {
            List<Object> key = keyOf(keyColumns, row);
            if (key != null) {
                filling.computeIfAbsent(key, k -> new Filling(valueColumns.length)).add(valueColumns, row);
            }
        }
        Map<List<Object>, GroupCell> cells = new HashMap<>();
        filling.forEach((key, cell) -> cells.put(key, cell.done()));
        return cells;
    }

    /** A cell while the rows of one table are added to it. */
    private static final class Filling {
        private final GroupCell cell;
        private long rows;

        Filling(int width) {
            cell = emptyCell(width);
        }

        void add(NumericColumn<?>[] valueColumns, int row) {
            rows++;
            for (int v = 0; v < valueColumns.length; v++) {
                double value = valueColumns[v].getDouble(row);
                if (!Double.isNaN(value)) {
                    cell.sums()[v] += value;
                    cell.sumsOfSquares()[v] += value * value;
                    cell.counts()[v]++;
                }
            }
        }

        GroupCell done() {
            return new GroupCell(cell.sums(), cell.sumsOfSquares(), cell.counts(), rows);
        }
    }

    private static List<Object> keyOf(List<Column<?>> keyColumns, int row) {
        Object[] parts = new Object[keyColumns.size()];
        for (int k = 0; k < parts.length; k++) {
            Column<?> column = keyColumns.get(k);
            if (column.isMissing(row)) {
                return null;
            }
            parts[k] = withoutNegativeZero(column.get(row));
        }
        return Arrays.asList(parts);
    }

    /** -0.0 and 0.0 are one key, as in pandas (Java's {@code Double.equals} tells them apart). */
    private static Object withoutNegativeZero(Object key) {
        if (key instanceof Double number && number == 0.0) {
            return 0.0;
        }
        if (key instanceof Float number && number == 0.0f) {
            return 0.0f;
        }
        return key;
    }

    /** The result table of the moments {@code cells} per key: one row per key, sorted by key. */
    Table result(Map<List<Object>, GroupCell> cells) {
        List<List<Object>> sorted = new ArrayList<>(cells.keySet());
        sorted.sort(KEY_ORDER);
        Table result = keySchema.emptyTable();
        for (List<Object> key : sorted) {
            for (int k = 0; k < key.size(); k++) {
                result.column(k).appendObj(key.get(k));
            }
        }
        if (statistic == null) {
            DoubleColumn counts = DoubleColumn.create(countName, sorted.size());
            for (int i = 0; i < sorted.size(); i++) {
                counts.set(i, cells.get(sorted.get(i)).rows());
            }
            return result.addColumns(counts);
        }
        for (int v = 0; v < values.size(); v++) {
            DoubleColumn column = DoubleColumn.create(values.get(v), sorted.size());
            for (int i = 0; i < sorted.size(); i++) {
                GroupCell cell = cells.get(sorted.get(i));
                column.set(i, statistic.of(cell.sums()[v], cell.sumsOfSquares()[v], cell.counts()[v], ddof));
            }
            result.addColumns(column);
        }
        return result;
    }

    /** Keys in pandas' order: component by component, by their natural order. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Comparator<List<Object>> KEY_ORDER = (a, b) -> {
        for (int i = 0; i < a.size(); i++) {
            int order = ((Comparable) a.get(i)).compareTo(b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    };
}
