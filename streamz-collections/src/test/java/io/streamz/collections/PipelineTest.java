package io.streamz.collections;

import io.streamz.Stream;
import io.streamz.cluster.ClusterStream;
import io.streamz.dataframe.DataFrame;
import io.streamz.dataframe.Series;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A collection's recorded pipeline, built again on a cluster stream that serializes every function
 * and start state, gives the same results as the local pipeline.
 */
class PipelineTest {
    private static Table example() {
        return Table.create("t", StringColumn.create("name"), DoubleColumn.create("x"));
    }

    private static Table rows(String[] names, double... x) {
        return Table.create("t", StringColumn.create("name", names), DoubleColumn.create("x", x));
    }

    private static final List<Table> INPUT = List.of(
            rows(new String[]{"Alice", "Bob", "Alice"}, 1, 2, 3),
            rows(new String[]{"Bob", "Carol"}, 4, 5),
            rows(new String[]{"Alice", "Alice"}, 6, -7));

    @Test
    void aDataFramePipelineBuiltOnASerializingClusterStreamGivesTheLocalResults() {
        Stream<Table> root = Stream.create();
        DataFrame sdf = DataFrame.of(root, example())
                .where(t -> t.doubleColumn("x").isGreaterThan(0))
                .assign("twice", t -> t.doubleColumn("x").multiply(2));
        Series means = sdf.window(3).groupby("name").column("twice").mean();
        List<Table> local = means.stream().sinkToList();
        assertEquals(4, means.pipeline().size(), "where, assign, the window's rows, the groupby-mean per key");

        Stream<Table> clusterSource = Stream.create();
        ClusterStream<Table> onCluster = means.pipeline().buildOn(new SerializingClusterStream<>(clusterSource));
        List<Table> remote = onCluster.gather().sinkToList();
        for (Table table : INPUT) {
            root.emit(table);
            clusterSource.emit(table);
        }
        assertEquals(INPUT.size(), remote.size());
        for (int i = 0; i < INPUT.size(); i++) {
            assertEquals(local.get(i).print(), remote.get(i).print());
        }
        assertEquals(List.of("Alice", "Bob", "Carol"), remote.get(1).stringColumn("name").asList());
    }

    @Test
    void everyBuiltInAggregationsFunctionsAndStartStateSurviveSerialization() {
        List<Function<DataFrame, Streaming<?>>> collections = List.of(DataFrame::sum, sdf -> sdf.column("x").mean(),
                sdf -> sdf.window(2).var(), sdf -> sdf.column("x").window(2).std(), DataFrame::size,
                sdf -> sdf.column("x").cumsum().cummax(), sdf -> sdf.column("name").valueCounts(),
                sdf -> sdf.groupby("name").count(), sdf -> sdf.groupby(t -> t.stringColumn("name")).size(),
                sdf -> sdf.window(2).full(), sdf -> sdf.setIndex("name").round(1).tail(2).add(1).resetIndex(),
                sdf -> sdf.column("x").window(3).apply(t -> t.rowCount()),
                sdf -> sdf.rolling(2, 1).column("x").median());
        for (Function<DataFrame, Streaming<?>> build : collections) {
            Stream<Table> root = Stream.create();
            Streaming<?> collection = build.apply(DataFrame.of(root, example()));
            List<?> local = collection.stream().sinkToList();
            Stream<Table> clusterSource = Stream.create();
            List<?> remote = collection.pipeline().buildOn(new SerializingClusterStream<>(clusterSource))
                    .gather().sinkToList();
            for (Table table : INPUT) {
                root.emit(table);
                clusterSource.emit(table);
            }
            assertEquals(INPUT.size(), remote.size(), collection.toString());
            assertEquals(printed(local), printed(remote), collection.toString());
        }
    }

    @Test
    void aBatchPipelineBuiltOnASerializingClusterStreamGivesTheLocalResults() {
        Stream<List<String>> root = Stream.create();
        Streaming<Table> sums = Batch.of(root, List.of("a=1"))
                .filter(line -> !line.isEmpty())
                .map(line -> {
                    Map<String, Object> record = new LinkedHashMap<>();
                    record.put("name", line.split("=")[0]);
                    record.put("x", Integer.parseInt(line.split("=")[1]));
                    return record;
                })
                .toDataFrame().groupby("name").sum();
        List<Table> local = sums.stream().sinkToList();
        Stream<List<String>> clusterSource = Stream.create();
        List<Table> remote = sums.pipeline().buildOn(new SerializingClusterStream<>(clusterSource)).gather().sinkToList();
        for (List<String> lines : List.of(List.of("a=1", "", "b=2"), List.of("a=5"))) {
            root.emit(lines);
            clusterSource.emit(lines);
        }
        assertEquals(printed(local), printed(remote));
        assertEquals(List.of(6.0, 2.0), remote.get(1).doubleColumn("x").asList());
    }

    /** The elements as text, tables with all their rows. */
    private static List<String> printed(List<?> elements) {
        return elements.stream().map(e -> e instanceof Table table ? table.print() : String.valueOf(e)).toList();
    }

    @Test
    void aFunctionCapturingSomethingUnserializableFailsWhenBuiltOnTheCluster() {
        Object notSerializable = new Object();
        Stream<Table> root = Stream.create();
        DataFrame sdf = DataFrame.of(root, example())
                .where(t -> t.doubleColumn("x").isGreaterThan(notSerializable.hashCode()));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> sdf.pipeline().buildOn(new SerializingClusterStream<>(Stream.create())));
        assertTrue(error.getMessage().contains("NotSerializableException"), error.getMessage());
    }
}
