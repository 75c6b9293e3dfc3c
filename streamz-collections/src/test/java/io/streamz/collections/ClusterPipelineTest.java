package io.streamz.collections;

import io.streamz.Accumulated;
import io.streamz.Stream;
import io.streamz.cluster.IgniteCluster;
import io.streamz.cluster.SharedEmbeddedCluster;
import io.streamz.dataframe.Aggregation;
import io.streamz.dataframe.DataFrame;
import org.apache.ignite.Ignition;
import org.apache.ignite.thread.IgniteThread;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seed's DataFrame pipeline runs on an embedded Ignite cluster and gives, table for table and
 * in order, what it gives locally (issue #4: "the same DataFrame pipeline runs on a ClusterStream").
 * Tables are the elements of the cluster stream and sit in the accumulate states on the cluster.
 */
class ClusterPipelineTest {
    @RegisterExtension
    static final SharedEmbeddedCluster CLUSTER = new SharedEmbeddedCluster(2);
    private static IgniteCluster cluster;

    @BeforeAll
    static void start() {
        cluster = CLUSTER.get();
    }

    /** The seed's {@code example = [{'name': 'Alice', 'x': 1, 'y': 2}]}, without rows. */
    private static Table example() {
        return Table.create("records", StringColumn.create("name"), IntColumn.create("x"), DoubleColumn.create("y"));
    }

    private static Table records(String[] names, int[] x, double... y) {
        return Table.create("records", StringColumn.create("name", names), IntColumn.create("x", x),
                DoubleColumn.create("y", y));
    }

    private static final List<Table> INPUT = List.of(
            records(new String[]{"Alice", "Bob", "Alice"}, new int[]{1, 1, 2}, 2, 10, 4),
            records(new String[]{"Alice", "Carol"}, new int[]{1, 3}, 6, 1),
            records(new String[]{"Bob"}, new int[]{2}, 8),
            records(new String[]{"Alice", "Alice", "Alice"}, new int[]{3, 2, 1}, -1, 0.5, 7));

    @Test
    void theSeedsDataFramePipelineGivesOnTheClusterWhatItGivesLocally() {
        Stream<Table> root = Stream.create();
        DataFrame alices = DataFrame.of(root, example()).where(t -> t.stringColumn("name").isEqualTo("Alice"));
        List<Streaming<?>> collections = List.of(
                alices.groupby("x").column("y").mean(),
                alices.window(3).sum(),
                alices.rolling(2).column("y").mean(),
                alices.window(3).aggregate(new MeanOfY()));
        List<List<?>> local = new ArrayList<>();
        List<List<?>> remote = new ArrayList<>();
        for (Streaming<?> collection : collections) {
            local.add(collection.stream().sinkToList());
            // The root feeds both: each table is computed locally and on the cluster.
            remote.add(collection.pipeline().runOn(cluster, root).sinkToList());
        }

        for (Table table : INPUT) {
            root.emit(table);
        }
        root.drain();

        for (int i = 0; i < collections.size(); i++) {
            assertEquals(INPUT.size(), remote.get(i).size(), collections.get(i).toString());
            assertEquals(contents(local.get(i)), contents(remote.get(i)), collections.get(i).toString());
        }
        // The cluster computed the seed's groupby-mean, not something equal to a wrong local result.
        Table means = (Table) remote.get(0).get(INPUT.size() - 1);
        assertEquals(List.of(1, 2, 3), means.intColumn("x").asList());
        assertEquals(List.of(5.0, 2.25, -1.0), means.doubleColumn("y").asList());
        assertEquals(List.of(3.0, 4.0, 4.0, 6.5 / 3), remote.get(3), "the mean of the last 3 rows of y");
        assertEquals(0, cluster.storedResults(), "the data cache is empty once the stream has drained");
    }

    @Test
    void aKeyedAccumulationRunsEachKeyOnOneServerAndGivesOnTheClusterWhatItGivesLocally() {
        WordCounts.SERVERS_OF_KEY.clear();
        Stream<List<String>> root = Stream.create();
        Pipeline<Map<String, Integer>> counts = Pipeline.from(root).accumulateByKey(new WordCounts());
        List<Map<String, Integer>> local = counts.stream().sinkToList();
        List<Map<String, Integer>> remote = counts.runOn(cluster, root).sinkToList();
        List<List<String>> input = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            input.add(List.of("w" + i % 20, "w" + (i * 7) % 20, "w" + (i * 3) % 20));
        }
        input.add(List.of());

        input.forEach(root::emit);
        root.drain();

        assertEquals(local, remote);
        assertEquals(input.size(), remote.size(), "one value per element, an element without keys too");
        assertEquals(Map.of("w0", 3), local.get(0));
        assertEquals(Map.of("w0", 3, "w1", 1, "w3", 1, "w7", 1), local.get(1));
        Set<String> servers = new HashSet<>();
        WordCounts.SERVERS_OF_KEY.forEach((word, where) -> {
            assertEquals(1, where.size(), word + " was counted on " + where);
            servers.addAll(where);
        });
        assertEquals(20, WordCounts.SERVERS_OF_KEY.size());
        // 20 keys on 2 servers: all on one has odds of 1 in 2^19.
        assertEquals(2, servers.size(), "the keys' states are spread over the servers");
    }

    @Test
    void aChangeThatFailsOnTheClusterFailsItsElementAndEveryLaterOne() {
        // Only the cluster gets the elements: the local run would fail on "boom" itself.
        Stream<List<String>> source = Stream.create();
        List<Map<String, Integer>> remote = Pipeline.from(Stream.<List<String>>create())
                .accumulateByKey(new WordCounts()).runOn(cluster, source).sinkToList();
        source.emit(List.of("a"));

        Exception failed = assertThrows(Exception.class, () -> source.emit(List.of("b", "boom")));
        Exception later = assertThrows(Exception.class, () -> source.emit(List.of("a")));

        assertTrue(causes(failed).contains("cannot count boom"), causes(failed));
        assertTrue(causes(later).contains("build the pipeline again"), causes(later));
        assertEquals(List.of(Map.of("a", 1)), remote);
    }

    private static String causes(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            text.append(cause).append('\n');
        }
        return text.toString();
    }

    /** Counts words per word; records which server counted each word, and fails on "boom". */
    static final class WordCounts
            implements KeyedAccumulation<List<String>, String, WordCounts.Count, Integer, Map<String, Integer>> {
        static final Map<String, Set<String>> SERVERS_OF_KEY = new ConcurrentHashMap<>();

        /** {@code n} more of {@code word}. */
        record Count(String word, int n) implements Serializable {
        }

        @Override
        public List<KeyedChange<String, Count>> changes(List<String> words) {
            Map<String, Integer> perWord = new LinkedHashMap<>();
            words.forEach(word -> perWord.merge(word, 1, Integer::sum));
            List<KeyedChange<String, Count>> changes = new ArrayList<>();
            perWord.forEach((word, n) -> changes.add(new KeyedChange<>(word, new Count(word, n))));
            return changes;
        }

        @Override
        public Map<String, Integer> start() {
            return Map.of();
        }

        @Override
        public Integer empty() {
            return 0;
        }

        @Override
        public Integer apply(Integer count, Count change) {
            if (change.word().equals("boom")) {
                throw new IllegalArgumentException("cannot count boom");
            }
            if (Thread.currentThread() instanceof IgniteThread) { // on a server, not in the local run
                SERVERS_OF_KEY.computeIfAbsent(change.word(), k -> ConcurrentHashMap.newKeySet())
                        .add(Ignition.localIgnite().name());
            }
            return count + change.n();
        }

        @Override
        public boolean isEmpty(Integer count) {
            return count == 0;
        }

        @Override
        public Map<String, Integer> result(Map<String, Integer> counts) {
            return new TreeMap<>(counts);
        }
    }

    /** Elements as comparable values: a table as its column names, types and all values in order. */
    private static List<Object> contents(List<?> elements) {
        List<Object> contents = new ArrayList<>();
        for (Object element : elements) {
            if (element instanceof Table table) {
                List<Object> columns = new ArrayList<>();
                for (Column<?> column : table.columns()) {
                    columns.add(List.of(column.name(), column.type().name(), column.asList()));
                }
                contents.add(columns);
            } else {
                contents.add(element);
            }
        }
        return contents;
    }

    /** A user aggregation: the mean of {@code y}, with a state of its own type. */
    static final class MeanOfY implements Aggregation<MeanOfY.State, Double> {
        record State(double total, long count) implements Serializable {
        }

        @Override
        public State initial(Table example) {
            return new State(0, 0);
        }

        @Override
        public Accumulated<State, Double> onNew(State state, Table rows) {
            NumericColumn<?> y = rows.numberColumn("y");
            State next = new State(state.total() + (y.isEmpty() ? 0 : y.sum()), state.count() + y.size());
            return Accumulated.of(next, next.total() / next.count());
        }

        @Override
        public Accumulated<State, Double> onOld(State state, Table rows) {
            NumericColumn<?> y = rows.numberColumn("y");
            State next = new State(state.total() - (y.isEmpty() ? 0 : y.sum()), state.count() - y.size());
            return Accumulated.of(next, next.total() / next.count());
        }
    }
}
