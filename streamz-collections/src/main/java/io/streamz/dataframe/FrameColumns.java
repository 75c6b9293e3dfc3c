package io.streamz.dataframe;

import io.streamz.dataframe.internal.Schema;
import io.streamz.dataframe.internal.TimeIndex;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * What the columns of a frame's tables are for: which form the index, which hold values, which of
 * those are numeric; and the checks an operation makes on them before it builds anything, each
 * failing with a message that says what to call instead. Made once per frame from its example;
 * immutable, so any thread.
 */
final class FrameColumns {
    private final Table example;
    private final List<String> index;
    private final Schema schema;

    /** The columns of {@code example} (kept as given: the frame passes its empty copy), {@code index} among them. */
    FrameColumns(Table example, List<String> index) {
        this.example = example;
        this.index = List.copyOf(index);
        this.schema = Schema.of(example);
        for (String name : this.index) {
            require(name);
        }
    }

    /** The index columns. */
    List<String> index() {
        return index;
    }

    /** The columns that are not in the index, in order. */
    List<String> values() {
        List<String> values = new ArrayList<>(example.columnNames());
        values.removeAll(index);
        return values;
    }

    /** The numeric value columns, in order. */
    List<String> numericValues() {
        List<String> numeric = new ArrayList<>();
        for (String name : values()) {
            if (example.column(name) instanceof NumericColumn<?>) {
                numeric.add(name);
            }
        }
        return numeric;
    }

    /**
     * Fails unless {@code x} has these column names and types, in order.
     *
     * @throws IllegalArgumentException naming the columns expected and those found
     */
    void verify(Table x) {
        if (!schema.matches(x)) {
            throw new IllegalArgumentException("Input expected to have columns " + schema + ", got " + Schema.of(x));
        }
    }

    /** @throws IllegalArgumentException unless there is a column {@code name} */
    void require(String name) {
        if (!example.columnNames().contains(name)) {
            throw new IllegalArgumentException("no column " + name + " among " + example.columnNames());
        }
    }

    /** @throws IllegalArgumentException when there is a column {@code name} already (an operation would add one) */
    void requireAbsent(String name) {
        if (example.columnNames().contains(name)) {
            throw new IllegalArgumentException("there is already a column " + name + ": rename it first");
        }
    }

    /** @throws IllegalArgumentException unless every one of {@code columns} is numeric, naming {@code operation} */
    void requireNumeric(List<String> columns, String operation) {
        for (String name : columns) {
            if (!(example.column(name) instanceof NumericColumn<?>)) {
                throw new IllegalArgumentException(operation + " needs numeric columns; " + name + " is "
                        + example.column(name).type() + ": select the numeric columns first");
            }
        }
    }

    /**
     * The one time column of the index, which time windows read.
     *
     * @throws IllegalStateException unless the index is one LOCAL_DATE_TIME or INSTANT column
     */
    String timeIndex() {
        if (index.size() != 1 || !TimeIndex.isTime(example.column(index.get(0)).type())) {
            throw new IllegalStateException("time windows need one LOCAL_DATE_TIME or INSTANT index column, "
                    + "the index is " + index + ": call setIndex(\"time\") first");
        }
        return index.get(0);
    }

    /** The columns and their types, then the index if any: {@code [x DOUBLE, time LOCAL_DATE_TIME] index [time]}. */
    @Override
    public String toString() {
        return schema + (index.isEmpty() ? "" : " index " + index);
    }
}
