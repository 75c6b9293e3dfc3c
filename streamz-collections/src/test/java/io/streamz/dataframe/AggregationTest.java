package io.streamz.dataframe;

import io.streamz.Stream;
import tech.tablesaw.api.Table;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The seed's example of a user aggregation: {@code Mean} with {@code initial}, {@code on_new} and
 * {@code on_old}, used with each windowing scheme through {@code aggregate}:
 * {@code df.aggregate(Mean())}, {@code df.window(n=100).aggregate(Mean())},
 * {@code df.window(value='60s').aggregate(Mean())}.
 */
class AggregationTest {
    private final Stream<Table> source = Stream.create();
    private final DataFrame df = DataFrame.of(source, TimedTables.example()).setIndex("time");

    private void emitBoth() {
        source.emit(TimedTables.first());
        source.emit(TimedTables.second());
    }

    @Test
    void overAllHistoryOnlyInitialAndOnNewAreCalled() {
        List<Double> means = df.aggregate(new Mean()).stream().sinkToList();
        emitBoth();
        assertEquals(List.of(2.0, 11.0 / 5), means);
    }

    @Test
    void overTheLastNRowsOnOldTakesBackTheRowsThatLeave() {
        List<Double> means = df.window(2).aggregate(new Mean()).stream().sinkToList();
        emitBoth();
        assertEquals(List.of(2.5, 2.5), means);
    }

    @Test
    void overAnIndexRangeOnOldTakesBackTheRowsThatFellOutOfTheRange() {
        List<Double> means = df.window(Duration.ofSeconds(60)).aggregate(new Mean()).stream().sinkToList();
        List<Double> recent = df.window(Duration.ofSeconds(2)).aggregate(new Mean()).stream().sinkToList();
        emitBoth();
        assertEquals(List.of(2.0, 11.0 / 5), means);
        assertEquals(List.of(2.5, 1.0), recent);
    }

    @Test
    void theResultsExampleIsTheValueForNoRows() {
        assertEquals(Double.NaN, df.aggregate(new Mean()).example());
    }
}
