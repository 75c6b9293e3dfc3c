package io.streamz.benchmarks;

import io.reactivex.rxjava3.subjects.PublishSubject;
import io.streamz.Stream;
import io.streamz.local.internal.core.Metering;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * The cost of pushing one element through a synchronous graph, streamz's local engine against
 * RxJava 3's {@code PublishSubject} (the closest RxJava equivalent of {@code Stream.create()}: a hot
 * source fed by the caller, no back pressure, everything on the caller's thread).
 *
 * <p>Both libraries get the same pre-boxed inputs and the same functions, chosen so that every
 * intermediate value stays inside the {@code Integer} cache (-128..127): {@code x + 1} and
 * {@code x * 2} then box without allocating, and whatever {@code -prof gc} reports per operation is
 * allocated by the library itself.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms256m", "-Xmx256m"})
public class EmitBenchmark {

    /** The inputs, cycled through so that the filter's branch is not constant. */
    @State(Scope.Thread)
    public static class Inputs {
        private static final int SIZE = 1024;

        /**
         * The largest input. 59 keeps {@code (59 + 1) * 2 = 120} a cached Integer; a larger one (e.g.
         * {@code -p largest=1000}) makes both maps allocate a box, a control that {@code -prof gc} sees
         * allocation on this path.
         */
        @Param("59")
        int largest;

        private final Integer[] values = new Integer[SIZE];
        private int next;

        @Setup
        public void fill() {
            for (int i = 0; i < SIZE; i++) {
                values[i] = i % (largest + 1);
            }
        }

        Integer next() {
            Integer value = values[next];
            next = (next + 1) & (SIZE - 1);
            return value;
        }
    }

    /** streamz: {@code source.sink(...)} and {@code source.map.map.filter.sink}. */
    @State(Scope.Thread)
    public static class Streamz {
        Stream<Integer> toSink;
        Stream<Integer> toPipeline;

        @Setup
        public void build(Blackhole blackhole) {
            toSink = Stream.create();
            toSink.sink(x -> blackhole.consume(x));
            toPipeline = Stream.create();
            toPipeline.map(x -> x + 1).map(x -> x * 2).filter(x -> x % 3 != 0).sink(x -> blackhole.consume(x));
        }

        @TearDown
        public void destroy() {
            toSink.destroy();
            toPipeline.destroy();
        }
    }

    /**
     * streamz's pipeline with per-node metrics on (what a dashboard or a bound MeterRegistry costs);
     * its own fork, like every benchmark here, so the switch never reaches the others.
     */
    @State(Scope.Thread)
    public static class StreamzMetered {
        Metering.Handle metrics;
        Stream<Integer> toPipeline;

        @Setup
        public void build(Blackhole blackhole) {
            metrics = Metering.on();
            toPipeline = Stream.create();
            toPipeline.map(x -> x + 1).map(x -> x * 2).filter(x -> x % 3 != 0).sink(x -> blackhole.consume(x));
        }

        @TearDown
        public void destroy() {
            toPipeline.destroy();
            metrics.close();
        }
    }

    /** RxJava 3: the same two graphs on {@code PublishSubject}. */
    @State(Scope.Thread)
    public static class RxJava {
        PublishSubject<Integer> toSink;
        PublishSubject<Integer> toPipeline;

        @Setup
        public void build(Blackhole blackhole) {
            toSink = PublishSubject.create();
            toSink.subscribe(x -> blackhole.consume(x));
            toPipeline = PublishSubject.create();
            toPipeline.map(x -> x + 1).map(x -> x * 2).filter(x -> x % 3 != 0).subscribe(x -> blackhole.consume(x));
        }

        @TearDown
        public void complete() {
            toSink.onComplete();
            toPipeline.onComplete();
        }
    }

    /** (a) emit -> sink, streamz. */
    @Benchmark
    public void emitToSinkStreamz(Streamz graphs, Inputs inputs) {
        graphs.toSink.emit(inputs.next());
    }

    /** (a) emit -> sink, RxJava. */
    @Benchmark
    public void emitToSinkRxJava(RxJava graphs, Inputs inputs) {
        graphs.toSink.onNext(inputs.next());
    }

    /** (b) emit -> map -> map -> filter -> sink, streamz. */
    @Benchmark
    public void emitMapMapFilterSinkStreamz(Streamz graphs, Inputs inputs) {
        graphs.toPipeline.emit(inputs.next());
    }

    /** (b) emit -> map -> map -> filter -> sink, streamz with metrics on. */
    @Benchmark
    public void emitMapMapFilterSinkStreamzMetered(StreamzMetered graphs, Inputs inputs) {
        graphs.toPipeline.emit(inputs.next());
    }

    /** (b) emit -> map -> map -> filter -> sink, RxJava. */
    @Benchmark
    public void emitMapMapFilterSinkRxJava(RxJava graphs, Inputs inputs) {
        graphs.toPipeline.onNext(inputs.next());
    }
}
