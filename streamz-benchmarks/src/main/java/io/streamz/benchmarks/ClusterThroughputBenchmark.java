package io.streamz.benchmarks;

import io.streamz.Stream;
import io.streamz.cluster.IgniteCluster;
import io.streamz.cluster.IgniteClusterOptions;
import java.util.concurrent.TimeUnit;
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

/**
 * The cluster path on an embedded cluster of {@link #servers} servers of 8 threads each (started once
 * per trial, in the forked JVM):
 *
 * <ul>
 *   <li>{@link #mapIncBuffer64}: elements per second through
 *       {@code scatter().map(inc).buffer(64).gather()}, 10,000 elements per operation (goal: at least
 *       50,000/s, which one task per element cannot reach: raw Ignite calls do about 15,000/s here);</li>
 *   <li>{@link #sleep100msBuffer8}: the wall time of 40 elements of {@code sleep(100 ms)} through
 *       {@code scatter().map(slow).buffer(8).gather()} (goal: at most 530 ms on 8 threads, so slow
 *       elements must run in parallel, not in batches; 500 ms is the floor).</li>
 * </ul>
 *
 * <p>Run: {@code java -jar streamz-benchmarks/target/benchmarks.jar ClusterThroughput}. The forked
 * JVM gets the {@code --add-opens} options Ignite needs on Java 17 from {@link BenchmarkMain}.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g", "-DIGNITE_QUIET=false", "-DIGNITE_UPDATE_NOTIFIER=false",
        "-Djava.net.preferIPv4Stack=true", "-Dorg.slf4j.simpleLogger.log.org.apache.ignite=error"})
public class ClusterThroughputBenchmark {
    private static final int ELEMENTS = 10_000;
    private static final int SLOW_ELEMENTS = 40;
    private static final int THREADS_PER_SERVER = 8;

    /**
     * Servers of 8 threads each: 2 is the default {@code IgniteCluster.local(2)} (16 threads), 1 runs
     * everything on exactly 8 worker threads, the setting of the efficiency goal.
     */
    @Param({"2", "1"})
    public int servers;

    private IgniteCluster cluster;
    private Stream<Integer> fast;
    private Stream<Integer> slow;
    private Blackhole sink;

    @Setup(Level.Trial)
    public void start(Blackhole blackhole) {
        sink = blackhole;
        cluster = IgniteCluster.local(servers, IgniteClusterOptions.defaults().withThreads(THREADS_PER_SERVER));
        fast = Stream.create();
        fast.scatter(cluster).map((Integer x) -> x + 1).buffer(64).gather().sink(x -> sink.consume(x));
        slow = Stream.create();
        slow.scatter(cluster).map((Integer x) -> {
            Thread.sleep(100);
            return x;
        }).buffer(8).gather().sink(x -> sink.consume(x));
    }

    @TearDown(Level.Trial)
    public void stop() {
        cluster.close();
    }

    /** Elements per second of {@code scatter().map(inc).buffer(64).gather()}, in emit order. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(ELEMENTS)
    @Warmup(iterations = 5, time = 3)
    @Measurement(iterations = 5, time = 3)
    public void mapIncBuffer64() {
        for (int i = 0; i < ELEMENTS; i++) {
            fast.emit(i);
        }
        fast.drain();
    }

    /** Wall time of 40 elements of {@code sleep(100 ms)} through {@code buffer(8)}. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3)
    @Measurement(iterations = 10)
    public void sleep100msBuffer8() {
        for (int i = 0; i < SLOW_ELEMENTS; i++) {
            slow.emit(i);
        }
        slow.drain();
    }
}
