package io.streamz.dataframe;

import io.streamz.Accumulated;
import io.streamz.Stream;
import io.streamz.dataframe.internal.Reshape;
import io.streamz.dataframe.state.GroupCell;
import io.streamz.dataframe.state.MomentsState;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.streamz.dataframe.Reference.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    private static MomentsState state(double sum, double count) {
        return new MomentsState(new double[]{sum}, new double[]{0}, new double[]{count});
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
                List<Accumulated<MomentsState, Table>> states =
                        before.aggregateWithState(before.reduction(statistic)).stream().sinkToList();
                tables.subList(0, split).forEach(first::emit);
                MomentsState last = split == 0 ? null : states.get(split - 1).state();

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
    void aGroupbyResumesFromTheStateAnotherStreamEmittedAsInStreamzsTestGroupbyAggregateWithStartState() {
        Stream<Table> first = Stream.create();
        GroupBy<Series> before = DataFrame.of(first, amounts()).groupby("name").column("amount");
        List<Accumulated<Map<List<Object>, GroupCell>, Table>> states =
                before.aggregateWithState(Statistic.SUM, null).stream().sinkToList();
        first.emit(named(new String[]{"Alice", "Tom"}, 50, 100));
        assertEquals(List.of(50.0, 100.0), states.get(0).value().doubleColumn("amount").asList());

        Stream<Table> second = Stream.create();
        GroupBy<Series> after = DataFrame.of(second, amounts()).groupby("name").column("amount");
        Series sums = after.aggregate(Statistic.SUM, states.get(0).state());
        Series means = after.aggregate(Statistic.MEAN, states.get(0).state());
        Series counts = after.aggregate(Statistic.COUNT, states.get(0).state());
        List<Table> sumOut = sums.stream().sinkToList();
        List<Table> meanOut = means.stream().sinkToList();
        List<Table> countOut = counts.stream().sinkToList();
        second.emit(named(new String[]{"Alice", "Tom", "Linda"}, 50, 100, 200));
        // streamz: Alice, Linda, Tom: sums 100, 200, 200; means 50, 200, 100; counts 2, 1, 2
        assertEquals(List.of("Alice", "Linda", "Tom"), sumOut.get(0).stringColumn("name").asList());
        assertEquals(List.of(100.0, 200.0, 200.0), sumOut.get(0).doubleColumn("amount").asList());
        assertEquals(List.of(50.0, 200.0, 100.0), meanOut.get(0).doubleColumn("amount").asList());
        assertEquals(List.of(2.0, 1.0, 2.0), countOut.get(0).doubleColumn("amount").asList());
        assertEquals(List.of("name"), sums.index());
        assertTrue(sums.isUpdating());
    }

    @Test
    void aGroupbyOverAWindowCannotResumeFromAStateWithoutTheWindowsRows() {
        DataFrame sdf = DataFrame.of(Stream.create(), amounts());
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> sdf.window(3).groupby("name").column("amount").aggregate(Statistic.SUM, Map.of()));
        assertTrue(error.getMessage().contains("aggregateWindow"), error.getMessage());
    }

    @Test
    void aWindowedGroupbyResumesFromTheWindowAnotherStreamKeptAsInStreamz() {
        Stream<Table> first = Stream.create();
        GroupBy<Series> before = DataFrame.of(first, amounts()).window(3).groupby("name").column("amount");
        var states = before.aggregateWindowWithState(Statistic.SUM, null).stream().sinkToList();
        first.emit(named(new String[]{"Alice", "Tom"}, 50, 100));
        first.emit(named(new String[]{"Linda"}, 1));
        assertEquals(List.of(50.0, 1.0, 100.0), states.get(1).value().doubleColumn("amount").asList());
        assertEquals(3, states.get(1).state().kept().stream().mapToInt(Table::rowCount).sum(), "the window's rows");

        Stream<Table> second = Stream.create();
        GroupBy<Series> after = DataFrame.of(second, amounts()).window(3).groupby("name").column("amount");
        List<Table> sums = after.aggregateWindow(Statistic.SUM, states.get(1).state()).stream().sinkToList();
        List<Table> counts = after.aggregateWindow(Statistic.COUNT, states.get(1).state()).stream().sinkToList();
        second.emit(named(new String[]{"Alice", "Bob"}, 5, 7));
        second.emit(named(new String[]{"Bob"}, 3));

        // streamz 0.6.4, sdf.window(3, start=state).groupby('name').amount.sum(): Alice 50 and Tom
        // 100 leave with the first table, Linda 1 with the second.
        assertEquals(List.of("Alice", "Bob", "Linda"), sums.get(0).stringColumn("name").asList());
        assertEquals(List.of(5.0, 7.0, 1.0), sums.get(0).doubleColumn("amount").asList());
        assertEquals(List.of("Alice", "Bob"), sums.get(1).stringColumn("name").asList());
        assertEquals(List.of(5.0, 10.0), sums.get(1).doubleColumn("amount").asList());
        // streamz reads a sum's state as counts (Alice 50); the moments here give any statistic.
        assertEquals(List.of(1.0, 2.0), counts.get(1).doubleColumn("amount").asList());
    }

    @Test
    void aWindowedGroupbyResumedFromAnotherStreamsStateEqualsTablesawOverTheWindowOfAllTables() {
        ReductionPropertyTest.forEveryStreamAndScheme((random, tables, scheme) -> {
            int split = tables.size() / 2;
            Stream<Table> first = Stream.create();
            DataFrame before = DataFrame.of(first, RandomTables.example()).setIndex("time");
            Window<Table> beforeWindow = scheme.of(before);
            GroupBy<Series> beforeGroups = (beforeWindow == null ? before.groupby("name") : beforeWindow.groupby("name"))
                    .column("x");
            var states = beforeGroups.aggregateWindowWithState(Statistic.VAR, null).stream().sinkToList();
            tables.subList(0, split).forEach(first::emit);

            Stream<Table> second = Stream.create();
            DataFrame after = DataFrame.of(second, RandomTables.example()).setIndex("time");
            Window<Table> afterWindow = scheme.of(after);
            GroupBy<Series> afterGroups = (afterWindow == null ? after.groupby("name") : afterWindow.groupby("name"))
                    .column("x");
            var start = split == 0 ? null : states.get(split - 1).state();
            List<List<Table>> resumed = new ArrayList<>();
            for (Statistic statistic : Statistic.values()) {
                resumed.add(afterGroups.aggregateWindow(statistic, start).stream().sinkToList());
            }
            List<Table> seen = new ArrayList<>(tables.subList(0, split));
            for (Table table : tables.subList(split, tables.size())) {
                second.emit(table);
                seen.add(table);
                Map<Object, Table> groups = Reference.groups(
                        scheme.window(Reference.concat(RandomTables.example(), seen)), "name");
                for (int s = 0; s < Statistic.values().length; s++) {
                    Statistic statistic = Statistic.values()[s];
                    GroupByPropertyTest.assertGroups(groups, resumed.get(s).get(seen.size() - split - 1), "name", "x",
                            group -> Reference.statistic(group.column("x"), statistic), statistic + " resumed");
                }
            }
        });
    }

    private static Table named(String[] names, double... amounts) {
        return Table.create("a", StringColumn.create("name", names), DoubleColumn.create("amount", amounts));
    }

    @Test
    void aRollingWindowResumesFromTheRowsAnotherStreamKeptAsInStreamzsTestRollingAggsWithStartState() {
        Stream<Table> first = Stream.create();
        Rolling<Series> before = DataFrame.of(first, amounts()).rolling(2).column("amount");
        List<Table> sums = before.sum().stream().sinkToList();
        List<Table> kept = before.history().stream().sinkToList();
        first.emit(amounts(50, 100, 200));
        first.emit(amounts(250));
        // streamz: the result 450 and the state the rows 200, 250; here the state is the row later windows need, 250
        assertEquals(List.of(250.0), kept.get(1).doubleColumn("amount").asList());
        assertEquals(List.of(450.0), sums.get(1).doubleColumn("amount").asList());

        Stream<Table> second = Stream.create();
        DataFrame after = DataFrame.of(second, amounts());
        Rolling<DataFrame> resumed = after.rolling(2).from(Reshape.select(List.of("name", "amount")).apply(
                Table.create("a", StringColumn.create("name", "Bob"), kept.get(1).doubleColumn("amount"))));
        List<Table> resumedSums = resumed.column("amount").sum().stream().sinkToList();
        List<Table> resumedKept = resumed.column("amount").history().stream().sinkToList();
        second.emit(amounts(50));
        // streamz: the result 300
        assertEquals(List.of(300.0), resumedSums.get(0).doubleColumn("amount").asList());
        assertEquals(List.of(50.0), resumedKept.get(0).doubleColumn("amount").asList());
    }

    @Test
    void aRollingWindowResumedFromAnotherStreamsHistoryEqualsOneRollingWindowOverAllTables() {
        for (long seed = 0; seed < 50; seed++) {
            RandomTables random = new RandomTables(seed);
            List<Table> tables = random.stream();
            int n = random.windowRows();
            int split = tables.size() / 2;
            Stream<Table> whole = Stream.create();
            DataFrame all = DataFrame.of(whole, RandomTables.example()).setIndex("time").select("x", "y");
            List<Table> expected = all.rolling(n).mean().stream().sinkToList();
            List<Table> history = all.rolling(n).history().stream().sinkToList();
            tables.forEach(whole::emit);

            Stream<Table> rest = Stream.create();
            DataFrame after = DataFrame.of(rest, RandomTables.example()).setIndex("time").select("x", "y");
            Rolling<DataFrame> rolling = after.rolling(n);
            List<Table> resumed = (split == 0 ? rolling : rolling.from(history.get(split - 1))).mean().stream().sinkToList();
            tables.subList(split, tables.size()).forEach(rest::emit);
            for (int i = 0; i < resumed.size(); i++) {
                assertEquals(expected.get(split + i).doubleColumn("x").asList().toString(),
                        resumed.get(i).doubleColumn("x").asList().toString(), "seed " + seed + ", table " + (split + i));
            }
        }
    }

    @Test
    void aWindowResumedFromAnotherStreamsStateEqualsTablesawOverTheWindowOfAllTables() {
        ReductionPropertyTest.forEveryStreamAndScheme((random, tables, scheme) -> {
            int split = tables.size() / 2;
            for (Statistic statistic : Statistic.values()) {
                Stream<Table> first = Stream.create();
                DataFrame before = DataFrame.of(first, RandomTables.example()).setIndex("time");
                Window<Table> beforeWindow = scheme.of(before);
                if (beforeWindow == null) {
                    return; // all history without a window: covered above
                }
                var states = beforeWindow.aggregateWithState(before.reduction(statistic), null).stream().sinkToList();
                tables.subList(0, split).forEach(first::emit);

                Stream<Table> second = Stream.create();
                DataFrame after = DataFrame.of(second, RandomTables.example()).setIndex("time");
                List<Table> resumed = scheme.of(after).aggregate(after.reduction(statistic),
                        split == 0 ? null : states.get(split - 1).state()).stream().sinkToList();
                tables.subList(split, tables.size()).forEach(second::emit);

                Table window = scheme.window(Reference.concat(RandomTables.example(), tables));
                for (String column : List.of("k", "x", "y")) {
                    assertClose(Reference.statistic(window.column(column), statistic),
                            resumed.get(resumed.size() - 1).doubleColumn(column).getDouble(0), statistic + " of " + column);
                }
            }
        });
    }

    @Test
    void aRollingWindowCannotResumeFromRowsWithOtherColumns() {
        DataFrame sdf = DataFrame.of(Stream.create(), amounts());
        assertThrows(IllegalArgumentException.class, () -> sdf.rolling(2).from(RandomTables.example()));
    }

    @Test
    void anAggregationWithAStateNeedsAStreamingFrame() {
        DataFrame grouped = DataFrame.of(Stream.create(), amounts()).groupby("name").sum();
        assertThrows(IllegalStateException.class, () -> grouped.aggregateWithState(grouped.reduction(Statistic.SUM)));
    }
}
