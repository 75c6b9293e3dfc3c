package io.streamz.dataframe;

import io.streamz.Accumulated;
import io.streamz.Stream;
import io.streamz.cluster.IgniteCluster;
import io.streamz.cluster.SharedEmbeddedCluster;
import io.streamz.collections.Streaming;
import io.streamz.dataframe.state.MomentsState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import io.streamz.time.VirtualScheduler;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The DataFrame features of issue 12 run on an embedded Ignite cluster ({@code Pipeline.runOn})
 * and give, table for table, what they give locally, on random tables with missing values.
 */
class ClusterDataFrameTest {
    @RegisterExtension
    static final SharedEmbeddedCluster CLUSTER = new SharedEmbeddedCluster(2);
    private static IgniteCluster cluster;

    @BeforeAll
    static void start() {
        cluster = CLUSTER.get();
    }

    @Test
    void comparisonsArithmeticAndWhereWithABooleanSeriesGiveOnTheClusterWhatTheyGiveLocally() {
        Stream<Table> root = Stream.create();
        DataFrame sdf = DataFrame.of(root, RandomTables.example());
        Series x = sdf.column("x");
        Series y = sdf.column("y");
        assertSameOnClusterAsLocally(root, List.of(
                sdf.where(x.gt(y).or(sdf.column("k").mod(2).eq(0)).and(y.ne(0).not().not())),
                x.floorDivide(y).mod(x).pow(y.divide(y)),
                sdf.column("x").resetIndex()));
    }

    @Test
    void theRowIndexCarriedAcrossTablesAndGroupingByItGiveOnTheClusterWhatTheyGiveLocally() {
        Stream<Table> root = Stream.create();
        DataFrame numbered = DataFrame.of(root, RandomTables.example()).numberRows();
        assertSameOnClusterAsLocally(root, List.of(
                numbered.indexSeries().add(5),
                numbered.groupby(numbered.indexSeries().mod(2)).column("x").sum()));
    }

    @Test
    void expandingAndEwmGiveOnTheClusterWhatTheyGiveLocally() {
        Stream<Table> root = Stream.create();
        DataFrame sdf = DataFrame.of(root, RandomTables.example()).setIndex("time");
        assertSameOnClusterAsLocally(root, List.of(
                sdf.expanding().var(),
                sdf.ewm(Smoothing.halflife(3)).mean(),
                sdf.ewm(1).column("x").mean()));
    }

    @Test
    void aggregationsResumedFromAStateGiveOnTheClusterWhatTheyGiveLocally() {
        // States from an earlier stream, run locally.
        Stream<Table> earlier = Stream.create();
        DataFrame before = DataFrame.of(earlier, RandomTables.example());
        var groupStates = before.groupby("name").column("x").aggregateWithState(Statistic.MEAN, null)
                .stream().sinkToList();
        var windowStates = before.column("x").window(5)
                .aggregateWithState(before.column("x").reduction(Statistic.MEAN), null).stream().sinkToList();
        new RandomTables(11).stream().forEach(earlier::emit);
        Table history = new RandomTables(5).table(4);

        Stream<Table> root = Stream.create();
        DataFrame sdf = DataFrame.of(root, RandomTables.example());
        Series x = sdf.column("x");
        MomentsState start = new MomentsState(new double[]{10}, new double[]{100}, new double[]{2});
        assertSameOnClusterAsLocally(root, List.of(
                x.aggregate(x.reduction(Statistic.VAR), start),
                x.window(5).aggregate(x.reduction(Statistic.MEAN), windowStates.get(windowStates.size() - 1).state()),
                sdf.groupby("name").column("x").aggregate(Statistic.MEAN, groupStates.get(groupStates.size() - 1).state()),
                sdf.setIndex("time").rolling(3).from(history).column("y").mean(),
                sdf.setIndex("time").rolling(Duration.ofSeconds(4)).from(history).history()));
    }

    @Test
    void nlargestOfAnUpdatingFrameGivesOnTheClusterWhatItGivesLocally() {
        Stream<Table> root = Stream.create();
        DataFrame sdf = DataFrame.of(root, RandomTables.example());
        assertSameOnClusterAsLocally(root, List.of(
                sdf.groupby("name").column("x").sum().nlargest(2),
                sdf.column("y").valueCounts().nsmallest(3)));
    }

    @Test
    void aPeriodicDataFramesTablesGoThroughTheClusterAsTheyGoLocally() {
        VirtualScheduler clock = new VirtualScheduler();
        PeriodicDataFrame frame = new PeriodicDataFrame((last, now) -> Table.create("t",
                LongColumn.create("elapsed", Duration.between(last, now).toMillis())), Duration.ofMillis(100), clock);
        Series elapsed = frame.column("elapsed");
        List<Double> local = elapsed.sum().stream().sinkToList();
        @SuppressWarnings("unchecked")
        Stream<Table> root = (Stream<Table>) elapsed.pipeline().root();
        List<Double> remote = elapsed.sum().pipeline().runOn(cluster, root).sinkToList();
        frame.start();
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofMillis(100));
            frame.stream().drain();
            root.drain();
        }
        frame.stop();
        assertEquals(List.of(100.0, 200.0, 300.0), local);
        assertEquals(local, remote);
    }

    @Test
    void everyGroupbyAggregationRunsKeyByKeyOnTheClusterAndGivesWhatItGivesLocally() {
        Stream<Table> root = Stream.create();
        DataFrame sdf = DataFrame.of(root, RandomTables.example()).setIndex("time");
        DataFrame numbered = DataFrame.of(root, RandomTables.example()).numberRows();
        assertSameOnClusterAsLocally(root, List.of(
                sdf.groupby("name").var(),
                sdf.groupby("name", "k").column("y").mean(),
                sdf.window(5).groupby("name").column("x").sum(),
                sdf.window(Duration.ofSeconds(3)).groupby("k").std(),
                sdf.expanding().groupby("name").count(),
                sdf.window(4).groupby(t -> t.intColumn("y").remainder(2).setName("parity")).size(),
                sdf.column("name").valueCounts(),
                sdf.window(6).column("k").valueCounts(),
                numbered.groupby(numbered.indexSeries().mod(3)).column("x").mean(),
                numbered.window(5).groupby(numbered.indexSeries().mod(2)).column("y").sum()));
    }

    @Test
    void aClusterGroupbyKeepsOneStatePerGroupKeyOnTheServers() {
        try (IgniteCluster own = IgniteCluster.local(2)) {
            Stream<Table> root = Stream.create();
            DataFrame sdf = DataFrame.of(root, RandomTables.example());
            List<Table> sums = sdf.groupby("name").column("x").sum().pipeline().runOn(own, root).sinkToList();
            List<Table> input = new RandomTables(3).stream();
            input.forEach(root::emit);
            root.drain();

            Table all = Reference.concat(RandomTables.example(), input);
            long keys = all.stringColumn("name").removeMissing().unique().size();
            // One accumulate state would be 1; each group key's moments are a state of their own.
            assertEquals(keys, own.storedStates());
            assertEquals(input.size(), sums.size());
            assertEquals(keys, sums.get(sums.size() - 1).rowCount());
        }
    }

    @Test
    void aWindowedGroupbyResumedFromAStateGivesOnTheClusterWhatItGivesLocally() {
        Stream<Table> earlier = Stream.create();
        DataFrame before = DataFrame.of(earlier, RandomTables.example()).setIndex("time");
        var states = before.window(4).groupby("name").column("x").aggregateWindowWithState(Statistic.SUM, null)
                .stream().sinkToList();
        new RandomTables(13).stream().forEach(earlier::emit);

        Stream<Table> root = Stream.create();
        DataFrame sdf = DataFrame.of(root, RandomTables.example()).setIndex("time");
        var start = states.get(states.size() - 1).state();
        assertSameOnClusterAsLocally(root, List.of(
                sdf.window(4).groupby("name").column("x").aggregateWindow(Statistic.SUM, start),
                sdf.window(4).groupby("name").column("x").aggregateWindowWithState(Statistic.MEAN, start)
                        .mapPartitions(Accumulated::value)));
    }

    /** Feeds random tables to {@code root} and checks that every collection gives the same elements both ways. */
    private static void assertSameOnClusterAsLocally(Stream<Table> root, List<? extends Streaming<?>> collections) {
        List<List<?>> local = new ArrayList<>();
        List<List<?>> remote = new ArrayList<>();
        for (Streaming<?> collection : collections) {
            local.add(collection.stream().sinkToList());
            remote.add(collection.pipeline().runOn(cluster, root).sinkToList());
        }
        List<Table> input = new RandomTables(7).stream();
        input.forEach(root::emit);
        root.drain();
        for (int i = 0; i < collections.size(); i++) {
            assertEquals(input.size(), remote.get(i).size(), collections.get(i).toString());
            assertEquals(contents(local.get(i)), contents(remote.get(i)), collections.get(i).toString());
        }
    }

    /** Elements as comparable values: a table as its column names, types and all values in order. */
    private static List<Object> contents(List<?> elements) {
        List<Object> contents = new ArrayList<>();
        for (Object element : elements) {
            if (element instanceof Table table) {
                List<Object> columns = new ArrayList<>();
                for (Column<?> column : table.columns()) {
                    columns.add(List.of(column.name(), column.type().name(), column.asList().toString()));
                }
                contents.add(columns);
            } else {
                contents.add(element);
            }
        }
        return contents;
    }
}
