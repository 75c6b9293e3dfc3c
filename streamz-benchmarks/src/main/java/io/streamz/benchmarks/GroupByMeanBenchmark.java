package io.streamz.benchmarks;

import io.streamz.Stream;
import io.streamz.cluster.IgniteCluster;
import io.streamz.dataframe.DataFrame;
import io.streamz.dataframe.Series;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Throughput of a streaming groupby-mean ({@code sdf.groupby("key").column("x").mean()}) over a
 * stream of 10,000-row Tablesaw tables, in rows per second: each invocation emits one table and
 * counts as {@value #ROWS} operations, so JMH's ops/s are rows/s.
 *
 * <p>Two windowing schemes: all history (the state only grows with new keys) and the last
 * 100,000 rows (ten tables), where every table also takes the rows that leave the window back out.
 * {@code keys} is the number of distinct group keys. The tables are made once, before measuring,
 * and cycled through, so only the streaming aggregation (and the result table it emits per input
 * table) is measured.
 *
 * <p>{@link #groupbyMeanOnCluster} runs the same pipeline with {@code Pipeline.runOn} on an embedded
 * 2-server cluster: each table crosses to the cluster, its per-key moments come back and go to the
 * key owners ({@code accumulateByKey}), and the driver emits the grouped table; one table at a time.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@OperationsPerInvocation(GroupByMeanBenchmark.ROWS)
public class GroupByMeanBenchmark {
    static final int ROWS = 10_000;
    private static final int TABLES = 16;

    /** The input tables and the pipeline they are emitted into. */
    @State(Scope.Thread)
    public static class Pipeline {
        @Param({"10", "1000"})
        int keys;

        @Param({"all", "window"})
        String scheme;

        private final Table[] tables = new Table[TABLES];
        private Stream<Table> source;
        private int next;

        @Setup(Level.Trial)
        public void build(Blackhole blackhole) {
            fill(tables, keys);
            source = Stream.create();
            means(source, scheme).stream().sink(blackhole::consume);
        }

        Table nextTable() {
            Table table = tables[next];
            next = (next + 1) % TABLES;
            return table;
        }

        @TearDown(Level.Trial)
        public void destroy() {
            source.destroy();
        }
    }

    /** The same input and pipeline, run on an embedded 2-server cluster. */
    @State(Scope.Thread)
    public static class OnCluster {
        @Param({"10", "1000"})
        int keys;

        @Param({"all", "window"})
        String scheme;

        private final Table[] tables = new Table[TABLES];
        private IgniteCluster cluster;
        private Stream<Table> source;
        private int next;

        @Setup(Level.Trial)
        public void build(Blackhole blackhole) {
            fill(tables, keys);
            cluster = IgniteCluster.local(2);
            source = Stream.create();
            means(source, scheme).pipeline().runOn(cluster, source).sink(blackhole::consume);
        }

        Table nextTable() {
            Table table = tables[next];
            next = (next + 1) % TABLES;
            return table;
        }

        @TearDown(Level.Trial)
        public void destroy() {
            source.destroy();
            cluster.close();
        }
    }

    /** {@code tables} filled with random rows of {@code keys} distinct keys, the same for every run. */
    private static void fill(Table[] tables, int keys) {
        Random random = new Random(42);
        for (int t = 0; t < tables.length; t++) {
            String[] names = new String[ROWS];
            double[] x = new double[ROWS];
            for (int row = 0; row < ROWS; row++) {
                names[row] = "key-" + random.nextInt(keys);
                x[row] = random.nextGaussian();
            }
            tables[t] = Table.create("rows", StringColumn.create("key", names), DoubleColumn.create("x", x));
        }
    }

    /** The groupby-mean of {@code x} by {@code key} over {@code scheme} ("all" or "window"), fed by {@code source}. */
    private static Series means(Stream<Table> source, String scheme) {
        DataFrame sdf = DataFrame.of(source, Table.create("rows", StringColumn.create("key"), DoubleColumn.create("x")));
        var grouped = scheme.equals("all") ? sdf.groupby("key") : sdf.window(10 * ROWS).groupby("key");
        return grouped.column("x").mean();
    }

    /** Emits one 10,000-row table; the sink consumes the updated per-key means. */
    @Benchmark
    public void groupbyMean(Pipeline pipeline) {
        pipeline.source.emit(pipeline.nextTable());
    }

    /** Emits one 10,000-row table into the pipeline on the cluster; returns once its grouped table is delivered. */
    @Benchmark
    @Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g", "-DIGNITE_QUIET=false", "-DIGNITE_UPDATE_NOTIFIER=false",
            "-Djava.net.preferIPv4Stack=true", "-Dorg.slf4j.simpleLogger.log.org.apache.ignite=error"})
    public void groupbyMeanOnCluster(OnCluster pipeline) {
        pipeline.source.emit(pipeline.nextTable());
    }
}
