package io.streamz.collections;

import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.io.UncheckedIOException;

/**
 * The form in which a collection's values travel to and within a cluster. A Tablesaw {@link Table}
 * is not {@link Serializable}, and Ignite's binary marshaller cannot write one either (a
 * {@code StringColumn}'s dictionary holds lambdas), so the elements and states of a DataFrame
 * pipeline could not leave the driver. Here a value is Java-serialized with every table in it,
 * wherever it sits (the element itself, a list of tables in a window's state, a record), replaced
 * by a snapshot of its columns; unpacking rebuilds the tables.
 */
final class ClusterForm {
    private ClusterForm() {
    }

    /**
     * A packed value: its serialized bytes. A class, not a record: the cluster nests it in job
     * results that Ignite's binary marshaller reads, and that marshaller cannot rebuild records.
     */
    static final class Packed implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        private final byte[] bytes;

        Packed(byte[] bytes) {
            this.bytes = bytes;
        }

        byte[] bytes() {
            return bytes;
        }
    }

    /** {@code value}, tables and all, as a serializable {@link Packed}; {@code null} too. */
    static Packed pack(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new TableReplacingOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot send " + value.getClass().getName() + " to the cluster: " + e
                    + ". Elements and states of a collection must be serializable or Tablesaw tables.", e);
        }
        return new Packed(bytes.toByteArray());
    }

    /** The value {@code value} packs, or {@code value} itself when it is not packed. */
    static Object unpack(Object value) {
        if (!(value instanceof Packed packed)) {
            return value;
        }
        try (ObjectInputStream in = new LoaderInputStream(new ByteArrayInputStream(packed.bytes()))) {
            return in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException("could not unpack a value from the cluster: " + e, e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("could not unpack a value from the cluster: " + e, e);
        }
    }

    /** Replaces each table (not serializable itself) by its snapshot, before the check for Serializable. */
    private static final class TableReplacingOutputStream extends ObjectOutputStream {
        TableReplacingOutputStream(OutputStream out) throws IOException {
            super(out);
            enableReplaceObject(true);
        }

        @Override
        protected Object replaceObject(Object obj) {
            return obj instanceof Table table ? new TableSnapshot(table) : obj;
        }
    }

    /**
     * Resolves classes with this class's loader first: on a server node that is the loader that
     * peer class loading gave the pipeline's code, which also reaches the user's classes.
     */
    private static final class LoaderInputStream extends ObjectInputStream {
        LoaderInputStream(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            try {
                return Class.forName(desc.getName(), false, ClusterForm.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc);
            }
        }
    }

    /** A table's name, and per column its name, type and values ({@code null} for missing). */
    private static final class TableSnapshot implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        private final String name;
        private final String[] columns;
        private final String[] types;
        private final Object[][] values;

        TableSnapshot(Table table) {
            name = table.name();
            int width = table.columnCount();
            columns = new String[width];
            types = new String[width];
            values = new Object[width][];
            for (int c = 0; c < width; c++) {
                Column<?> column = table.column(c);
                columns[c] = column.name();
                types[c] = column.type().name();
                values[c] = new Object[column.size()];
                for (int row = 0; row < column.size(); row++) {
                    values[c][row] = column.isMissing(row) ? null : column.get(row);
                }
            }
        }

        @Serial
        private Object readResolve() {
            Table table = Table.create(name);
            for (int c = 0; c < columns.length; c++) {
                Column<?> column = ColumnType.valueOf(types[c]).create(columns[c]);
                for (Object value : values[c]) {
                    if (value == null) {
                        column.appendMissing();
                    } else {
                        column.appendObj(value);
                    }
                }
                table.addColumns(column);
            }
            return table;
        }
    }
}
