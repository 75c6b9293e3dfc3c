package io.streamz.collections;

import io.streamz.Accumulated;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Values, tables among them, survive packing for the cluster unchanged. */
class ClusterFormTest {
    private static Table everyType() {
        DoubleColumn y = DoubleColumn.create("y", 1.5, Double.NaN, -0.0);
        IntColumn x = IntColumn.create("x", 1, 2, 3);
        x.setMissing(1);
        return Table.create("records", StringColumn.create("name", "Alice", "", "Bob"), x, y,
                LongColumn.create("n", 7L, 8L, 9L), BooleanColumn.create("ok", true, false, true),
                DateColumn.create("day", LocalDate.of(2024, 1, 2), null, LocalDate.of(2024, 3, 4)),
                InstantColumn.create("at", new Instant[]{Instant.ofEpochMilli(5), Instant.ofEpochSecond(6), null}));
    }

    /** A table as its name, and per column its name, type, missing rows and values. */
    private static List<Object> contents(Table table) {
        List<Object> contents = new ArrayList<>(List.of(table.name()));
        for (Column<?> column : table.columns()) {
            contents.add(List.of(column.name(), column.type(), column.isMissing().toArray().length,
                    String.valueOf(column.asList())));
        }
        return contents;
    }

    @Test
    void aTableComesBackWithItsNameColumnsTypesValuesAndMissingValues() {
        Table table = everyType();
        Object back = ClusterForm.unpack(ClusterForm.pack(table));
        assertNotSame(table, back);
        assertEquals(contents(table), contents((Table) back));
    }

    record Window(List<Table> kept, double total) implements Serializable {
    }

    @Test
    void tablesInsideAStateComeBackToo() {
        Accumulated<Window, Table> state = Accumulated.of(new Window(List.of(everyType(), everyType()), 3), everyType());
        @SuppressWarnings("unchecked")
        Accumulated<Window, Table> back = (Accumulated<Window, Table>) ClusterForm.unpack(ClusterForm.pack(state));
        assertEquals(2, back.state().kept().size());
        assertEquals(contents(everyType()), contents(back.state().kept().get(1)));
        assertEquals(3, back.state().total());
        assertEquals(contents(everyType()), contents(back.value()));
    }

    @Test
    void nullIsPackedAndAnUnpackedValueIsLeftAsIs() {
        assertNull(ClusterForm.unpack(ClusterForm.pack(null)));
        Object plain = List.of(1, 2);
        assertSame(plain, ClusterForm.unpack(plain));
    }

    @Test
    void aValueThatIsNeitherSerializableNorATableFailsWithWhatToDo() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ClusterForm.pack(List.of(new Object())));
        assertTrue(error.getMessage().contains("must be serializable or Tablesaw tables"), error.getMessage());
    }

    @Test
    void thePackedFormIsSerializableAndNotARecord() {
        ClusterForm.Packed packed = ClusterForm.pack(everyType());
        assertInstanceOf(Serializable.class, packed);
        // Ignite's binary marshaller reads the job results that carry it, and cannot rebuild records.
        assertFalse(packed.getClass().isRecord());
        Object copy = SerializingClusterStream.roundTrip(packed);
        assertEquals(contents(everyType()), contents((Table) ClusterForm.unpack(copy)));
    }
}
