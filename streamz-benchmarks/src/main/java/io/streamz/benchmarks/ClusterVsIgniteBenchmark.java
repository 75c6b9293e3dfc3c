package io.streamz.benchmarks;

import io.streamz.Stream;
import io.streamz.cluster.IgniteCluster;
import io.streamz.cluster.IgniteClusterOptions;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import org.apache.ignite.IgniteCompute;
import org.apache.ignite.lang.IgniteCallable;
import org.apache.ignite.lang.IgniteFuture;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * streamz's cluster path against what a user could write on raw Ignite with as many elements in
 * flight, in one JVM, on one embedded cluster of 2 servers of 8 threads each (started once per
 * trial): {@code x + 1} per element, every result back in emit order, one per element (each
 * operation checks both and fails otherwise). Elements per second:
 *
 * <ul>
 *   <li>{@link #igniteCallPerElement64}: baseline (a), one {@code IgniteCompute.callAsync} per
 *       element, 64 in flight, results taken in order;</li>
 *   <li>{@link #igniteChunks512x8}: baseline (b), hand-batched chunks of 512 elements (an
 *       {@code Integer[]} per task), 8 chunks in flight, taken in order;</li>
 *   <li>{@link #streamzBuffer64}: {@code scatter().map(inc).buffer(64).gather()} (goal: at least 3x
 *       baseline (a));</li>
 *   <li>{@link #streamzBuffer4096}: the same with {@code buffer(4096)} (goal: at least 0.5x baseline
 *       (b)).</li>
 * </ul>
 *
 * <p>Each operation sends the same {@value #ELEMENTS} pre-boxed {@code Integer}s. Run all four side
 * by side, several times (the machine's noise is larger between runs than within one):
 * {@code java -jar streamz-benchmarks/target/benchmarks.jar ClusterVsIgnite -f 1 -wi 10 -i 5}. Each
 * warms up for 20 s: on 2 cores shared with two servers the JIT takes about that long to compile the
 * driver's path, and with 6 s the streamz figures were still rising through the measurement (error
 * bars of ±60-120 %; ±5-20 % with 20 s).
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g", "-DIGNITE_QUIET=false", "-DIGNITE_UPDATE_NOTIFIER=false",
        "-Djava.net.preferIPv4Stack=true", "-Dorg.slf4j.simpleLogger.log.org.apache.ignite=error"})
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(ClusterVsIgniteBenchmark.ELEMENTS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
public class ClusterVsIgniteBenchmark {
    static final int ELEMENTS = 20_000;
    private static final int SERVERS = 2;
    private static final int THREADS_PER_SERVER = 8;
    private static final int CALLS_IN_FLIGHT = 64;
    private static final int CHUNK = 512;
    private static final int CHUNKS_IN_FLIGHT = 8;

    private final Integer[] elements = new Integer[ELEMENTS];
    private IgniteCluster cluster;
    private IgniteCompute compute;
    private Stream<Integer> buffer64;
    private Stream<Integer> buffer4096;
    private Blackhole sink;
    /** The results of the running operation: how many, and whether each was the one expected next. */
    private int received;
    private boolean inOrder;

    @Setup(Level.Trial)
    public void start(Blackhole blackhole) {
        sink = blackhole;
        for (int i = 0; i < ELEMENTS; i++) {
            elements[i] = i;
        }
        cluster = IgniteCluster.local(SERVERS, IgniteClusterOptions.defaults().withThreads(THREADS_PER_SERVER));
        compute = cluster.ignite().compute();
        buffer64 = pipeline(64);
        buffer4096 = pipeline(4096);
    }

    private Stream<Integer> pipeline(int buffer) {
        Stream<Integer> source = Stream.create();
        source.scatter(cluster).map((Integer x) -> x + 1).buffer(buffer).gather().sink(this::receive);
        return source;
    }

    @TearDown(Level.Trial)
    public void stop() {
        cluster.close();
    }

    /** Baseline (a): one {@code callAsync} per element, {@value #CALLS_IN_FLIGHT} in flight, results in order. */
    @Benchmark
    public void igniteCallPerElement64() {
        begin();
        ArrayDeque<IgniteFuture<Integer>> inFlight = new ArrayDeque<>(CALLS_IN_FLIGHT);
        for (Integer x : elements) {
            if (inFlight.size() == CALLS_IN_FLIGHT) {
                receive(inFlight.poll().get());
            }
            inFlight.add(compute.callAsync(new Inc(x)));
        }
        while (!inFlight.isEmpty()) {
            receive(inFlight.poll().get());
        }
        end();
    }

    /** Baseline (b): chunks of {@value #CHUNK} elements, {@value #CHUNKS_IN_FLIGHT} in flight, results in order. */
    @Benchmark
    public void igniteChunks512x8() {
        begin();
        ArrayDeque<IgniteFuture<Integer[]>> inFlight = new ArrayDeque<>(CHUNKS_IN_FLIGHT);
        for (int from = 0; from < ELEMENTS; from += CHUNK) {
            if (inFlight.size() == CHUNKS_IN_FLIGHT) {
                receiveAll(inFlight.poll().get());
            }
            Integer[] chunk = new Integer[Math.min(CHUNK, ELEMENTS - from)];
            System.arraycopy(elements, from, chunk, 0, chunk.length);
            inFlight.add(compute.callAsync(new IncAll(chunk)));
        }
        while (!inFlight.isEmpty()) {
            receiveAll(inFlight.poll().get());
        }
        end();
    }

    /** {@code scatter().map(inc).buffer(64).gather()}. */
    @Benchmark
    public void streamzBuffer64() {
        run(buffer64);
    }

    /** {@code scatter().map(inc).buffer(4096).gather()}. */
    @Benchmark
    public void streamzBuffer4096() {
        run(buffer4096);
    }

    private void run(Stream<Integer> source) {
        begin();
        for (Integer x : elements) {
            source.emit(x);
        }
        source.drain();
        end();
    }

    private void begin() {
        received = 0;
        inOrder = true;
    }

    private void receiveAll(Integer[] results) {
        for (Integer result : results) {
            receive(result);
        }
    }

    /** On the benchmark's thread for the baselines, on a cluster callback thread for streamz (one at a time, in order). */
    private void receive(Integer result) {
        inOrder &= result == received + 1;
        received++;
        sink.consume(result);
    }

    private void end() {
        if (received != ELEMENTS || !inOrder) {
            throw new IllegalStateException("expected " + ELEMENTS + " results x + 1 in order, got " + received
                    + (inOrder ? " in order" : " out of order"));
        }
    }

    /** One element's task: {@code x + 1}. */
    private static final class Inc implements IgniteCallable<Integer> {
        private static final long serialVersionUID = 1L;
        private final Integer x;

        Inc(Integer x) {
            this.x = x;
        }

        @Override
        public Integer call() {
            return x + 1;
        }
    }

    /** A hand-made batch's task: {@code x + 1} for each element, in order. */
    private static final class IncAll implements IgniteCallable<Integer[]> {
        private static final long serialVersionUID = 1L;
        private final Integer[] xs;

        IncAll(Integer[] xs) {
            this.xs = xs;
        }

        @Override
        public Integer[] call() {
            Integer[] out = new Integer[xs.length];
            for (int i = 0; i < xs.length; i++) {
                out[i] = xs[i] + 1;
            }
            return out;
        }
    }
}
