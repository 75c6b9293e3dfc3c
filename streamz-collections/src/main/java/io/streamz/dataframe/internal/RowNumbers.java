package io.streamz.dataframe.internal;

import io.streamz.Accumulated;
import io.streamz.function.BiFunctionEx;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.util.ArrayList;
import java.util.List;

/**
 * Numbers the rows of a stream of tables 0, 1, 2, … across tables, as if they were one table with
 * pandas' default index ({@code pd.concat(tables, ignore_index=True)}): each table gets a first
 * LONG column {@code name}. The state is how many rows came before.
 *
 * @param name the column of row numbers
 */
public record RowNumbers(String name) implements BiFunctionEx<Long, Table, Accumulated<Long, Table>> {
    @Override
    public Accumulated<Long, Table> applyEx(Long before, Table rows) {
        long[] numbers = new long[rows.rowCount()];
        for (int row = 0; row < numbers.length; row++) {
            numbers[row] = before + row;
        }
        List<Column<?>> columns = new ArrayList<>();
        columns.add(LongColumn.create(name, numbers));
        columns.addAll(rows.columns());
        return Accumulated.of(before + numbers.length, Table.create(rows.name(), columns));
    }
}
