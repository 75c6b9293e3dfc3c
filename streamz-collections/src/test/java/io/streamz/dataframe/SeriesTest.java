package io.streamz.dataframe;

import io.streamz.Stream;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The streaming Series: how it is made and how it turns back into a DataFrame. */
class SeriesTest {
    private final Stream<Table> source = Stream.create();
    private final DataFrame sdf = DataFrame.of(source, DataFrameTest.people());

    @Test
    void resetIndexOfASeriesWithoutAnIndexGivesADataFrameOfRowNumbersAndValues() {
        DataFrame reset = sdf.column("x").resetIndex();
        assertEquals(List.of("index", "x"), reset.columns());
        assertEquals(List.of(), reset.index());
        List<Table> out = reset.stream().sinkToList();
        source.emit(DataFrameTest.people("a", "b"));
        assertEquals(List.of(0, 1), out.get(0).intColumn("index").asList());
        assertEquals(List.of(0, 1), out.get(0).intColumn("x").asList());
    }

    @Test
    void resetIndexOfAnIndexedSeriesGivesADataFrameWithTheIndexAsAColumn() {
        DataFrame reset = sdf.setIndex("name").column("y").resetIndex();
        assertEquals(List.of("name", "y"), reset.columns());
        assertEquals(List.of(), reset.index());
        List<Table> out = reset.stream().sinkToList();
        source.emit(DataFrameTest.people("a", "b"));
        assertEquals(List.of("a", "b"), out.get(0).stringColumn("name").asList());
        assertEquals(List.of(0.0, 1.5), out.get(0).doubleColumn("y").asList());
    }

    @Test
    void ofMakesASeriesFromAStreamOfColumnsNamedAndTypedLikeTheExample() {
        Stream<StringColumn> names = Stream.create();
        Series series = Series.of(names, StringColumn.create("name"));
        assertEquals("name", series.name());
        assertEquals("STRING", series.dtype().name());
        List<Double> counts = series.count().stream().sinkToList();
        names.emit(StringColumn.create("name", "a", "b"));
        names.emit(StringColumn.create("name", "c"));
        assertEquals(List.of(2.0, 3.0), counts);
    }
}
