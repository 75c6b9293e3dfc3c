package io.streamz.dataframe;

import io.streamz.Stream;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A row index carried across tables: {@code numberRows()} numbers the rows of the whole stream,
 * {@code indexSeries()} is streamz's {@code sdf.index}, and {@code groupby(sdf.index % 2)} groups by it.
 */
class IndexTest {
    private final Stream<Table> source = Stream.create();
    private final DataFrame sdf = DataFrame.of(source, DataFrameTest.people());

    @Test
    void numberRowsNumbersTheRowsAcrossTablesAndMakesThemTheIndex() {
        DataFrame numbered = sdf.numberRows();
        assertEquals(List.of("index"), numbered.index());
        assertEquals(List.of("name", "x", "y"), numbered.columns());
        List<Table> out = numbered.stream().sinkToList();
        source.emit(DataFrameTest.people("a", "b"));
        source.emit(DataFrameTest.people());
        source.emit(DataFrameTest.people("c", "d", "e"));
        assertEquals(List.of(0L, 1L), out.get(0).longColumn("index").asList());
        assertEquals(List.of(), out.get(1).longColumn("index").asList());
        assertEquals(List.of(2L, 3L, 4L), out.get(2).longColumn("index").asList());
    }

    @Test
    void theIndexSeriesPlusFiveIsTheIndexShiftedAsStreamzsTestIndex() {
        List<Table> out = sdf.numberRows().indexSeries().add(5).stream().sinkToList();
        source.emit(DataFrameTest.people("a", "b"));
        source.emit(DataFrameTest.people("c"));
        assertEquals(List.of(5.0, 6.0), out.get(0).doubleColumn("index").asList());
        assertEquals(List.of(7.0), out.get(1).doubleColumn("index").asList());
    }

    @Test
    void theIndexSeriesOfASetIndexIsThatColumnsValues() {
        List<Table> out = sdf.setIndex("name").indexSeries().stream().sinkToList();
        source.emit(DataFrameTest.people("a", "b"));
        assertEquals(List.of("a", "b"), out.get(0).stringColumn("name").asList());
    }

    @Test
    void groupbyTheIndexModuloTwoSumsTheEvenAndTheOddRowsOfTheWholeStream() {
        DataFrame numbered = sdf.numberRows();
        List<Table> sums = numbered.groupby(numbered.indexSeries().mod(2)).column("y").sum().stream().sinkToList();
        source.emit(DataFrameTest.people("a", "b", "c"));   // y 0, 1.5, 3: rows 0, 1, 2
        source.emit(DataFrameTest.people("d", "e"));        // y 0, 1.5: rows 3, 4
        Table last = sums.get(1);
        assertEquals(List.of(0.0, 1.0), last.doubleColumn("index").asList());
        assertEquals(List.of(3.0 + 1.5, 1.5 + 0.0), last.doubleColumn("y").asList());
    }

    @Test
    void groupbyTheIndexModuloTwoEqualsTablesawGroupingTheConcatenatedRowsByRowNumberParity() {
        for (long seed = 0; seed < 50; seed++) {
            List<Table> tables = new RandomTables(seed).stream();
            Stream<Table> random = Stream.create();
            DataFrame numbered = DataFrame.of(random, RandomTables.example()).numberRows();
            List<Table> sums = numbered.groupby(numbered.indexSeries().mod(2)).column("x").sum().stream().sinkToList();
            List<Table> seen = new ArrayList<>();
            for (Table table : tables) {
                random.emit(table);
                seen.add(table);
                Table all = Reference.concat(RandomTables.example(), seen);
                double[] parity = new double[all.rowCount()];
                for (int row = 0; row < parity.length; row++) {
                    parity[row] = row % 2;
                }
                all.addColumns(DoubleColumn.create("index", parity));
                GroupByPropertyTest.assertGroups(Reference.groups(all, "index"), sums.get(seen.size() - 1), "index",
                        "x", group -> Reference.statistic(group.column("x"), Statistic.SUM), "seed " + seed);
            }
        }
    }

    @Test
    void numberRowsNeedsAFrameWithoutAnIndexAndIndexSeriesOneWithAnIndex() {
        assertThrows(IllegalStateException.class, () -> sdf.setIndex("name").numberRows());
        assertThrows(IllegalStateException.class, () -> sdf.indexSeries());
        assertThrows(IllegalStateException.class, () -> sdf.groupby("name").sum().numberRows());
    }

    @Test
    void groupbyASeriesOfAnotherFrameFailsWhenBuilt() {
        Series other = DataFrame.of(Stream.create(), DataFrameTest.people()).column("x");
        assertThrows(IllegalArgumentException.class, () -> sdf.groupby(other));
    }
}
