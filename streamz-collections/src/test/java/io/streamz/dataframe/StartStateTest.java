package io.streamz.dataframe;

import io.streamz.Accumulated;
import io.streamz.Stream;
import io.streamz.dataframe.ops.Moments;
import io.streamz.dataframe.ops.Statistic;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.List;

import static io.streamz.dataframe.Reference.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Aggregations that emit their state and resume from a given one (streamz's {@code with_state}
 * and {@code start}).
 */
class StartStateTest {
    private static Table amounts(double... amounts) {
        String[] names = new String[amounts.length];
        java.util.Arrays.fill(names, "Alice");
        return Table.create("a", StringColumn.create("name", names), DoubleColumn.create("amount", amounts));
    }

    private static Moments.State state(double sum, double count) {
        return new Moments.State(new double[]{sum}, new double[]{0}, new double[]{count});
    }

    @Test
    void reductionsStartFromTheGivenStateAsInStreamzsTestReductionsWithStartState() {
        Stream<Table> source = Stream.create();
        Series amount = DataFrame.of(source, amounts()).column("amount");
        List<Double> mean = amount.aggregate(amount.reduction(Statistic.MEAN), state(10, 2)).stream().sinkToList();
        List<Double> count = amount.aggregate(amount.reduction(Statistic.COUNT), state(0, 3)).stream().sinkToList();
        List<Double> sum = amount.aggregate(amount.reduction(Statistic.SUM), state(10, 0)).stream().sinkToList();
        source.emit(amounts(50, 100, 200));
        assertEquals(List.of(72.0), mean);
        assertEquals(List.of(6.0), count);
        assertEquals(List.of(360.0), sum);
    }

    @Test
    void aStreamResumedFromAnotherStreamsLastStateGivesWhatOneStreamOverAllTablesGives() {
        for (long seed = 0; seed < 50; seed++) {
            List<Table> tables = new RandomTables(seed).stream();
            int split = tables.size() / 2;
            for (Statistic statistic : Statistic.values()) {
                Stream<Table> first = Stream.create();
                DataFrame before = DataFrame.of(first, RandomTables.example()).setIndex("time");
                List<Accumulated<Moments.State, Table>> states =
                        before.aggregateWithState(before.reduction(statistic)).stream().sinkToList();
                tables.subList(0, split).forEach(first::emit);
                Moments.State last = split == 0 ? null : states.get(split - 1).state();

                Stream<Table> second = Stream.create();
                DataFrame after = DataFrame.of(second, RandomTables.example()).setIndex("time");
                List<Table> resumed = after.aggregate(after.reduction(statistic), last).stream().sinkToList();
                tables.subList(split, tables.size()).forEach(second::emit);

                Table all = Reference.concat(RandomTables.example(), tables);
                Table result = resumed.get(resumed.size() - 1);
                for (String column : List.of("k", "x", "y")) {
                    assertClose(Reference.statistic(all.column(column), statistic),
                            result.doubleColumn(column).getDouble(0), "seed " + seed + ", " + statistic + " of " + column);
                }
            }
        }
    }

    @Test
    void withStateEmitsTheStateAlongWithTheValueOfAUserAggregation() {
        Stream<Table> source = Stream.create();
        DataFrame sdf = DataFrame.of(source, RandomTables.example());
        List<Accumulated<Mean.State, Double>> out = sdf.aggregateWithState(new Mean()).stream().sinkToList();
        RandomTables random = new RandomTables(3);
        Table table = random.table(5);
        source.emit(table);
        assertClose(Reference.statistic(table.column("x"), Statistic.MEAN), out.get(0).value(), "value");
        assertEquals(table.column("x").size() - table.column("x").countMissing(), out.get(0).state().count(), 1e-9);
    }

    @Test
    void anAggregationWithAStateNeedsAStreamingFrame() {
        DataFrame grouped = DataFrame.of(Stream.create(), amounts()).groupby("name").sum();
        assertThrows(IllegalStateException.class, () -> grouped.aggregateWithState(grouped.reduction(Statistic.SUM)));
    }
}
