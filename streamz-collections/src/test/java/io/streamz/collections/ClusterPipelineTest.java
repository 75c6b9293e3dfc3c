package io.streamz.collections;

import io.streamz.Accumulated;
import io.streamz.Stream;
import io.streamz.cluster.IgniteCluster;
import io.streamz.dataframe.Aggregation;
import io.streamz.dataframe.DataFrame;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The seed's DataFrame pipeline runs on an embedded Ignite cluster and gives, table for table and
 * in order, what it gives locally (issue #4: "the same DataFrame pipeline runs on a ClusterStream").
 * Tables are the elements of the cluster stream and sit in the accumulate states on the cluster.
 */
class ClusterPipelineTest {
    private static IgniteCluster cluster;

    @BeforeAll
    static void start() {
        cluster = IgniteCluster.local(2);
    }

    @AfterAll
    static void stop() {
        cluster.close();
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
