package io.streamz.dataframe;

import io.streamz.Stream;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataFrameTest {
    private final Stream<Table> source = Stream.create();
    private final DataFrame sdf = DataFrame.of(source, people());

    static Table people(String... names) {
        Table table = Table.create("people", StringColumn.create("name"), IntColumn.create("x"),
                DoubleColumn.create("y"));
        for (int i = 0; i < names.length; i++) {
            table.stringColumn("name").append(names[i]);
            table.intColumn("x").append(i);
            table.doubleColumn("y").append(i * 1.5);
        }
        return table;
    }

    @Test
    void whereKeepsTheRowsTheSelectionPicksInEveryTable() {
        List<Table> alices = sdf.where(t -> t.stringColumn("name").isEqualTo("Alice")).stream().sinkToList();
        source.emit(people("Alice", "Bob", "Alice"));
        source.emit(people("Bob"));
        assertEquals(List.of(0, 2), alices.get(0).intColumn("x").asList());
        assertEquals(0, alices.get(1).rowCount());
    }

    @Test
    void assignAddsAColumnComputedFromEachTable() {
        DataFrame withZ = sdf.assign("z", t -> t.intColumn("x").add(t.doubleColumn("y")));
        assertEquals(List.of("name", "x", "y", "z"), withZ.columns());
        List<Table> out = withZ.stream().sinkToList();
        source.emit(people("Alice", "Bob"));
        assertEquals(List.of(0.0, 2.5), out.get(0).doubleColumn("z").asList());
    }

    @Test
    void assignReplacesAColumnOfTheSameNameWhereItIs() {
        List<Table> out = sdf.assign("x", t -> t.intColumn("x").multiply(10)).stream().sinkToList();
        source.emit(people("Alice", "Bob"));
        assertEquals(List.of("name", "x", "y"), out.get(0).columnNames());
        assertEquals(List.of(0.0, 10.0), out.get(0).numberColumn("x").asList());
    }

    @Test
    void assignCopiesAnInputColumnRatherThanRenamingIt() {
        Table input = people("Alice");
        List<Table> out = sdf.assign("w", t -> t.column("x")).stream().sinkToList();
        source.emit(input);
        assertEquals(List.of("name", "x", "y"), input.columnNames());
        assertEquals(List.of("name", "x", "y", "w"), out.get(0).columnNames());
    }

    @Test
    void assignOfAColumnWithTheWrongNumberOfValuesFailsWhenTriedOnTheExample() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> sdf.assign("z", t -> IntColumn.create("z", new int[]{1, 2, 3})));
        assertTrue(error.getMessage().contains("return one value per row"), error.getMessage());
    }

    @Test
    void assignOfAColumnWithTheWrongNumberOfValuesFailsTheEmitAndTheStreamGoesOn() {
        // One value whatever the rows: right for the empty example, wrong for two rows.
        List<Table> out = sdf.assign("z", t -> t.rowCount() == 0 ? t.intColumn("x") : IntColumn.create("z", 1))
                .stream().sinkToList();
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> source.emit(people("Alice", "Bob")));
        assertEquals("the column assigned to z has 1 values for a table of 2 rows: return one value per row",
                error.getMessage());
        source.emit(people("Carol"));
        assertEquals(1, out.size());
    }

    @Test
    void elementwiseArithmeticChangesTheValueColumnsAndLeavesTheIndex() {
        DataFrame numbers = DataFrame.of(source, people()).setIndex("name");
        List<Table> added = numbers.add(1).stream().sinkToList();
        List<Table> scaled = numbers.multiply(2).subtract(1).divide(2).stream().sinkToList();
        List<Table> powered = numbers.neg().abs().pow(2).stream().sinkToList();
        source.emit(people("Alice", "Bob"));
        assertEquals(List.of("Alice", "Bob"), added.get(0).stringColumn("name").asList());
        assertEquals(List.of(1.0, 2.0), added.get(0).doubleColumn("x").asList());
        assertEquals(List.of(1.0, 2.5), added.get(0).doubleColumn("y").asList());
        assertEquals(List.of(-0.5, 0.5), scaled.get(0).doubleColumn("x").asList());
        assertEquals(List.of(0.0, 2.25), powered.get(0).doubleColumn("y").asList());
    }

    @Test
    void arithmeticOnANonNumericValueColumnFailsWhenBuilt() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> sdf.add(1));
        assertTrue(error.getMessage().contains("name is STRING"), error.getMessage());
    }

    @Test
    void mapColumnsAppliesATablesawFunctionToEveryValueColumn() {
        List<Table> out = sdf.select("x", "y").mapColumns(c -> ((NumericColumn<?>) c).multiply(3))
                .stream().sinkToList();
        source.emit(people("Alice", "Bob"));
        assertEquals(List.of("x", "y"), out.get(0).columnNames());
        assertEquals(List.of(0.0, 4.5), out.get(0).doubleColumn("y").asList());
    }

    @Test
    void roundRoundsHalfToEvenAsNumpyDoes() {
        Stream<Table> numbers = Stream.create();
        DataFrame values = DataFrame.of(numbers, Table.create(DoubleColumn.create("v"), IntColumn.create("i")));
        List<Table> whole = values.round().stream().sinkToList();
        List<Table> cents = values.round(2).stream().sinkToList();
        List<Table> tens = values.round(-1).stream().sinkToList();
        numbers.emit(Table.create(DoubleColumn.create("v", 2.5, 3.5, 0.125, -1.5),
                IntColumn.create("i", 15, 25, 7, 4)));
        assertEquals(List.of(2.0, 4.0, 0.0, -2.0), whole.get(0).doubleColumn("v").asList());
        assertEquals(List.of(15, 25, 7, 4), whole.get(0).intColumn("i").asList());
        assertEquals(0.12, cents.get(0).doubleColumn("v").get(2));
        assertEquals(List.of(20.0, 20.0, 10.0, 0.0), tens.get(0).numberColumn("i").asList());
    }

    @Test
    void tailKeepsTheLastRowsOfEachTable() {
        List<Table> lastTwo = sdf.tail(2).stream().sinkToList();
        List<Table> lastFive = sdf.tail().stream().sinkToList();
        source.emit(people("a", "b", "c"));
        assertEquals(List.of("b", "c"), lastTwo.get(0).stringColumn("name").asList());
        assertEquals(3, lastFive.get(0).rowCount());
    }

    @Test
    void setIndexTakesColumnsOutOfTheValuesAndResetIndexPutsThemBack() {
        DataFrame indexed = sdf.setIndex("name");
        assertEquals(List.of("name"), indexed.index());
        assertEquals(List.of("x", "y"), indexed.columns());
        assertEquals(List.of("name", "x", "y"), indexed.resetIndex().columns());
        assertEquals(List.of(), indexed.resetIndex().index());
    }

    @Test
    void resetIndexWithoutAnIndexNumbersTheRowsOfEachTable() {
        List<Table> out = sdf.resetIndex().stream().sinkToList();
        source.emit(people("a", "b"));
        assertEquals(List.of("index", "name", "x", "y"), out.get(0).columnNames());
        assertEquals(List.of(0, 1), out.get(0).intColumn("index").asList());
    }

    @Test
    void columnGivesASeriesThatKeepsTheIndex() {
        Series y = sdf.setIndex("name").column("y");
        assertEquals("y", y.name());
        assertEquals(List.of("name"), y.index());
        List<Table> out = y.stream().sinkToList();
        List<tech.tablesaw.columns.Column<?>> values = y.values().sinkToList();
        source.emit(people("a", "b"));
        assertEquals(List.of("name", "y"), out.get(0).columnNames());
        assertEquals(List.of(0.0, 1.5), values.get(0).asList());
    }

    @Test
    void pipeAppliesATableFunctionAndKeepsTheIndexWhenItsColumnsRemain() {
        DataFrame sorted = sdf.setIndex("name").pipe(t -> t.sortDescendingOn("x"));
        assertEquals(List.of("name"), sorted.index());
        List<Table> out = sorted.stream().sinkToList();
        source.emit(people("a", "b"));
        assertEquals(List.of("b", "a"), out.get(0).stringColumn("name").asList());
    }

    @Test
    void emitVerifiesTheColumnsOfTheTable() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> sdf.emit(Table.create(IntColumn.create("x"))));
        assertEquals("Input expected to have columns [name STRING, x INTEGER, y DOUBLE], got [x INTEGER]",
                error.getMessage());
        sdf.emit(people("a"));
    }

    @Test
    void toStringNamesTheColumnsAndTheIndex() {
        assertEquals("DataFrame - elements like: [name STRING, x INTEGER, y DOUBLE] index [name]",
                sdf.setIndex("name").toString());
        assertEquals("Series - elements like: [x INTEGER]", sdf.column("x").toString());
    }

    @Test
    void badArgumentsFailWhenTheOperationIsBuilt() {
        assertThrows(IllegalArgumentException.class, () -> sdf.column("nope"));
        assertThrows(IllegalArgumentException.class, () -> sdf.setIndex("nope"));
        assertThrows(IllegalArgumentException.class, () -> sdf.setIndex());
        assertThrows(IllegalArgumentException.class, () -> sdf.select("x", "nope"));
        assertThrows(IllegalArgumentException.class, () -> sdf.tail(-1));
        assertThrows(NullPointerException.class, () -> sdf.where((Series) null));
        assertThrows(NullPointerException.class, () -> sdf.assign("z", null));
        assertThrows(NullPointerException.class, () -> sdf.where((io.streamz.function.FunctionEx<Table, tech.tablesaw.selection.Selection>) null));
        assertThrows(NullPointerException.class, () -> DataFrame.of(source, null));
        assertThrows(IllegalArgumentException.class, () -> sdf.window(0));
        assertThrows(IllegalArgumentException.class, () -> sdf.rolling(0));
        assertThrows(IllegalArgumentException.class, () -> sdf.rolling(3, 4));
        IllegalStateException noTime = assertThrows(IllegalStateException.class,
                () -> sdf.window(Duration.ofSeconds(1)));
        assertTrue(noTime.getMessage().contains("setIndex"), noTime.getMessage());
        assertThrows(IllegalStateException.class, () -> sdf.setIndex("name").rolling(Duration.ofSeconds(1)));
    }
}
