package io.streamz.dashboard;

import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One live line chart: the last {@link #MAX_POINTS} values of some numeric columns of a streaming
 * DataFrame or Series, a point per row numbered in arrival order (as streamz's {@code plot()} keeps a
 * rolling window of the stream); of an updating one (a groupby result, each table the whole current
 * result), the rows of the last table only, as hvplot draws an updating frame. Fed on the stream's
 * emitting thread, read by the page's poll: synchronized.
 */
final class Plot {
    static final int MAX_POINTS = 500;

    private final String title;
    private final List<String> columns;
    /** Whether each table replaces the last (an updating frame) rather than adding rows. */
    private final boolean replacing;
    private final Map<String, ArrayDeque<double[]>> points = new LinkedHashMap<>();
    /** Rows seen so far: the x of the next point. */
    private long rows;

    /** {@code columns}: numeric columns of the frame, as {@code Frame.plot} checked them. */
    Plot(String title, List<String> columns, boolean replacing) {
        this.title = title;
        this.columns = List.copyOf(columns);
        this.replacing = replacing;
    }

    /** Adds each row of {@code table} (or draws only them, when replacing); columns missing from it or not numeric are skipped. */
    synchronized void add(Table table) {
        if (replacing) {
            points.clear();
            rows = 0;
        }
        long first = rows;
        rows += table.rowCount();
        for (Column<?> column : selected(table)) {
            if (!(column instanceof NumericColumn<?> numbers)) {
                continue;
            }
            ArrayDeque<double[]> line = points.computeIfAbsent(column.name(), name -> new ArrayDeque<>());
            for (int row = 0; row < numbers.size(); row++) {
                line.addLast(new double[] {first + row, numbers.getDouble(row)});
                if (line.size() > MAX_POINTS) {
                    line.removeFirst();
                }
            }
        }
    }

    private List<Column<?>> selected(Table table) {
        List<Column<?>> chosen = new ArrayList<>();
        for (String name : columns) {
            if (table.containsColumn(name)) {
                chosen.add(table.column(name));
            }
        }
        return chosen;
    }

    /** The chart as a JSON-ready map: its title and, per column, [row number, value] pairs. */
    synchronized Map<String, Object> snapshot() {
        Map<String, Object> lines = new LinkedHashMap<>();
        points.forEach((name, line) -> {
            List<List<Double>> pairs = new ArrayList<>(line.size());
            for (double[] point : line) {
                pairs.add(List.of(point[0], point[1]));
            }
            lines.put(name, pairs);
        });
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("title", title);
        view.put("lines", lines);
        return view;
    }
}
