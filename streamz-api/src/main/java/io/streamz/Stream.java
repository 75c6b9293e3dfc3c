package io.streamz;

import io.streamz.cluster.Cluster;
import io.streamz.cluster.ClusterRegistry;
import io.streamz.cluster.ClusterStream;
import io.streamz.function.Function3;
import io.streamz.function.Function4;
import io.streamz.spi.KafkaSinkProviders;
import io.streamz.spi.StreamEngines;
import io.streamz.time.Scheduler;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * An infinite sequence of data: the port of streamz's {@code Stream}. Every operator returns a new
 * stream subscribed to this one; data pushed with {@link #emit} flows to every downstream,
 * depth-first, in the order downstreams were attached.
 *
 * <p><b>Back pressure.</b> {@code emit} returns once the graph has accepted the element: every
 * synchronous operator has run, every asynchronous sink ({@link #sinkAsync}) and {@link #mapAsync}
 * stage has completed, every {@link #buffer} on the way has room, and every {@link #rateLimit} has
 * let it through. Elements wait only in {@code buffer}, {@code delay}, {@code rateLimit},
 * {@code timedWindow}, {@code partition}, {@code latest}, {@code mapAsync} and {@code collect}.
 *
 * <p><b>Threads.</b> {@code emit} may be called from several threads at once. Each stateful operator
 * sees one element at a time (it is synchronized), elements emitted by one thread reach each
 * operator in the order that thread emitted them (with {@code emitAsync} too), and nothing is lost or
 * duplicated; how the elements of different threads interleave is not defined. Operators after a
 * {@code buffer}, {@code delay}, {@code rateLimit}, {@code timedWindow}, {@code partition} with a
 * timeout, {@code latest} or {@code mapAsync} run on that operator's worker, one element at a time,
 * in order; worker threads are daemon threads shared by all streams. Time comes only from the
 * stream's {@link #scheduler()}.
 *
 * <p><b>Errors.</b> An exception thrown by a user function reaches the caller of {@code emit}
 * unchanged (a checked one wrapped once) and the stream keeps working. Where no caller waits, the
 * exception is logged and given to the {@link ErrorHandler}.
 *
 * <p>Nodes stay attached until {@link #destroy()}: a sink needs no reference held to it.
 *
 * @param <T> element type
 */
public interface Stream<T> {

    // ---------------------------------------------------------------- creation

    /** A new source stream to {@link #emit} into. */
    static <T> Stream<T> create() {
        return StreamEngines.engine().create(null, Scheduler.system());
    }

    /** A new source stream with a name, shown by {@link #toString()} and {@link #visualize}. */
    static <T> Stream<T> create(String name) {
        return StreamEngines.engine().create(name, Scheduler.system());
    }

    /** A new source stream whose time-based operators use {@code scheduler} (e.g. a virtual clock). */
    static <T> Stream<T> create(String name, Scheduler scheduler) {
        return StreamEngines.engine().create(name, scheduler);
    }

    /** A source that emits each element of {@code items} once started, then stops. */
    static <T> Source<T> fromIterable(Iterable<T> items) {
        return StreamEngines.engine().fromIterable(items, Scheduler.system());
    }

    /** Lines of a text file, following appended lines like {@code tail -f}; see {@link TextFileOptions}. */
    static Source<String> fromTextFile(Path file) {
        return fromTextFile(file, TextFileOptions.defaults());
    }

    /** Elements of a text file split by the options' delimiter, following appended data. */
    static Source<String> fromTextFile(Path file, TextFileOptions options) {
        return StreamEngines.engine().fromTextFile(file, options, Scheduler.system());
    }

    /** Paths of files in a directory or matching a glob ({@code data/*.csv}), each new file once, polled every 100 ms. */
    static Source<Path> filenames(String globOrDir) {
        return filenames(globOrDir, Duration.ofMillis(100));
    }

    /** Paths of files in a directory or matching a glob, each new file once, polled every {@code pollInterval}. */
    static Source<Path> filenames(String globOrDir, Duration pollInterval) {
        return StreamEngines.engine().filenames(globOrDir, pollInterval, Scheduler.system());
    }

    /** Sets where exceptions go that no {@code emit} caller waits for; returns the previous handler. */
    static ErrorHandler setErrorHandler(ErrorHandler handler) {
        return StreamEngines.setErrorHandler(handler);
    }

    /** The handler set with {@link #setErrorHandler}, or the default one that only logs. */
    static ErrorHandler errorHandler() {
        return StreamEngines.errorHandler();
    }

    // ---------------------------------------------------------------- pushing data

    /**
     * Pushes {@code x} into the graph at this node and returns once the graph has accepted it
     * (blocks under back pressure). A user function's exception is rethrown here.
     *
     * @throws IllegalStateException after {@link #destroy()}
     */
    void emit(T x);

    /** Like {@link #emit} without blocking: the future completes when the graph has accepted {@code x}. */
    CompletableFuture<Void> emitAsync(T x);

    /**
     * Waits until everything emitted so far has left every buffer, delay, rate limit, timed window,
     * {@code latest}, {@code mapAsync} and {@code partition} with a timeout downstream of this node and
     * reached the sinks (streamz's issue #449). {@code collect} and {@code partition} without a
     * timeout hold their elements for good and do not count. With a virtual clock, time must move for
     * timed operators to let their elements go. Do not call it from a sink or operator of the same
     * graph: it would wait for the very element being processed.
     */
    void drain();

    /** The future form of {@link #drain()}. */
    CompletableFuture<Void> drainAsync();

    // ---------------------------------------------------------------- element-wise

    /** Applies {@code f} to every element: one in, one out. */
    <R> Stream<R> map(Function<? super T, ? extends R> f);

    /**
     * Applies an asynchronous {@code f}; its result is emitted when the stage completes, and back
     * pressure waits for it. Results leave in input order.
     */
    <R> Stream<R> mapAsync(Function<? super T, ? extends CompletionStage<? extends R>> f);

    /**
     * Applies {@code f} to the two items of each {@code List} element, splayed into arguments.
     * The element type is not known to the compiler, so give the lambda's parameters explicit types:
     * {@code starmap((Integer a, Integer b) -> a + b)}.
     *
     * @throws IllegalArgumentException (from emit) when an element is not a two-item {@code List}
     */
    <A, B, R> Stream<R> starmap(BiFunction<A, B, R> f);

    /** {@link #starmap(BiFunction)} for three-item {@code List}s; give the parameters explicit types. */
    <A, B, C, R> Stream<R> starmap(Function3<A, B, C, R> f);

    /** {@link #starmap(BiFunction)} for four-item {@code List}s; give the parameters explicit types. */
    <A, B, C, D, R> Stream<R> starmap(Function4<A, B, C, D, R> f);

    /** Passes on only the elements for which {@code predicate} is true. */
    Stream<T> filter(Predicate<? super T> predicate);

    /**
     * Running reduction without a start: the first element becomes the state and is emitted as is;
     * then each element gives {@code state = f(state, x)}, which is emitted.
     */
    Stream<T> accumulate(BiFunction<T, ? super T, T> f);

    /** Running reduction from {@code start}: each element gives {@code state = f(state, x)}, which is emitted. */
    <S> Stream<S> accumulate(BiFunction<S, ? super T, S> f, S start);

    /**
     * Running reduction that keeps a state different from what it emits (streamz's
     * {@code returns_state=True}): {@code f} returns {@link Accumulated#of(Object, Object)
     * Accumulated.of(newState, valueToEmit)}.
     */
    <S, R> Stream<R> accumulateWithState(BiFunction<S, ? super T, Accumulated<S, R>> f, S start);

    /** Emits each item of the {@code Iterable} elements (arrays too), one by one. */
    <R> Stream<R> flatten();

    /** Picks item {@code index} of each {@code List} element. */
    <R> Stream<R> pluck(int index);

    /** Picks several items of each {@code List} element and emits them as a {@code List}. */
    Stream<List<Object>> pluck(int... indices);

    /** Picks the value of {@code key} in each {@code Map} element. */
    <R> Stream<R> pluck(String key);

    /** Picks the values of several keys of each {@code Map} element and emits them as a {@code List}. */
    Stream<List<Object>> pluck(String... keys);

    /** Passes on only elements not seen before (unbounded history). */
    Stream<T> unique();

    /** Passes on only elements not among the last {@code history} distinct ones seen. */
    Stream<T> unique(int history);

    /** Like {@link #unique(int)}, comparing {@code key(x)} instead of the element. */
    Stream<T> unique(int history, Function<? super T, ?> key);

    /** Passes on elements number {@code start}, {@code start+step}, ... (0-based) before {@code end}; then detaches. */
    Stream<T> slice(int start, int end, int step);

    /** {@code slice(start, end, 1)}. */
    Stream<T> slice(int start, int end);

    /** Every element from number {@code start} on. */
    Stream<T> slice(int start);

    // ---------------------------------------------------------------- sinks

    /** Calls {@code f} on every element; stays attached without a reference held to it. Returns the sink node. */
    Stream<T> sink(Consumer<? super T> f);

    /**
     * Calls an asynchronous {@code f} on every element; {@code emit} waits until the returned stage
     * completes (the seed's {@code write_to_database}), unless a {@code buffer} stands between.
     */
    Stream<T> sinkAsync(Function<? super T, ? extends CompletionStage<?>> f);

    /**
     * Appends every element to the returned list. The list is live: it may be read and iterated
     * while elements are appended from other threads (iterators see the elements present when they
     * were created). It cannot be modified by the caller.
     */
    List<T> sinkToList();

    /** Writes each element as one line ({@code toString()}), flushed; the file is closed on {@link #destroy()}. */
    Stream<T> sinkToTextFile(Path file);

    /**
     * streamz's {@code to_kafka}: produces every element as the value of a record of {@code topic}
     * (no key) and emits the element downstream, in input order, once Kafka has acknowledged it.
     * {@code emit} returns once that is done, and a failed delivery reaches its {@code emit} caller
     * (the error handler where no caller waits, e.g. after a {@code buffer}). While the producer's
     * buffer ({@code buffer.memory}) is full, or the topic's metadata is not known yet, the emitting
     * thread blocks, up to {@code max.block.ms} (30 s unless the parameters say otherwise), then that
     * element fails with Kafka's {@code TimeoutException}: an unreachable broker is reported, not
     * waited on. A broker lost once the topic is known fails each record sent to it after the
     * producer's {@code delivery.timeout.ms} (Kafka's 2 minutes). Downstream runs on the sink's worker
     * thread.
     *
     * <p>Values: {@code byte[]} as is, {@code String} as UTF-8; any other element fails, unless the
     * parameters name a {@code value.serializer} for it. {@link KafkaSink#flush()} waits for what was
     * sent; {@link #destroy()} flushes and closes the producer. Needs module streamz-kafka.
     *
     * @param producerParams Kafka's producer configuration, at least {@code bootstrap.servers}
     * @throws IllegalArgumentException at once when the parameters cannot make a producer, saying why
     * @throws IllegalStateException when streamz-kafka is not on the class path
     */
    default KafkaSink<T> toKafka(String topic, Map<String, ?> producerParams) {
        return KafkaSinkProviders.provider().toKafka(this, topic, producerParams);
    }

    // ---------------------------------------------------------------- flow control

    /**
     * Lets up to {@code n} elements wait here; the emitter waits only when it is full. Downstream
     * runs on this buffer's worker thread, one element at a time, in order.
     */
    Stream<T> buffer(int n);

    /** Holds elements until {@link CollectStream#flush()}, then emits them as one {@code List}. */
    CollectStream<T> collect();

    /** Emits each element {@code interval} later, in order, on the scheduler's time. */
    Stream<T> delay(Duration interval);

    /** No two elements pass closer together than {@code interval}; the emitter waits meanwhile. */
    Stream<T> rateLimit(Duration interval);

    /** Emits the elements collected during each {@code interval} as a {@code List}, an empty one too. */
    Stream<List<T>> timedWindow(Duration interval);

    /** Groups elements into {@code List}s of {@code n}. */
    Stream<List<T>> partition(int n);

    /** Groups into {@code List}s of {@code n}, emitting a shorter one when {@code timeout} passes since its first element. */
    Stream<List<T>> partition(int n, Duration timeout);

    /** Groups elements by {@code key(x)}; a group is emitted when it holds {@code n} elements. */
    Stream<List<T>> partition(int n, Function<? super T, ?> key);

    /** Groups by key into {@code List}s of {@code n}, emitting a shorter one on timeout. */
    Stream<List<T>> partition(int n, Duration timeout, Function<? super T, ?> key);

    /** Overlapping {@code List}s of the last {@code n} elements; only full windows. */
    Stream<List<T>> slidingWindow(int n);

    /** Overlapping windows of {@code n}; with {@code returnPartial} the first {@code n-1} shorter ones too. */
    Stream<List<T>> slidingWindow(int n, boolean returnPartial);

    /** Passes on the latest element only when downstream is ready (drops what it cannot deliver). */
    Stream<T> latest();

    // ---------------------------------------------------------------- joining

    /** Every element from this and the other streams flows on as it comes. */
    @SuppressWarnings("unchecked")
    Stream<T> union(Stream<? extends T>... others);

    /** One element from each input per output {@code List}, buffered in order. */
    Stream<List<Object>> zip(Stream<?>... others);

    /** The latest element of every input, as a {@code List}, once each has one; then on every update. */
    Stream<List<Object>> combineLatest(Stream<?>... others);

    /**
     * {@link #combineLatest(Stream[])} that emits only when one of the {@code emitOn} streams (this
     * stream and/or some of {@code others}) updates.
     */
    Stream<List<Object>> combineLatest(Collection<? extends Stream<?>> emitOn, Stream<?>... others);

    /** Every element of this (lossless) stream paired with the latest of each other stream. */
    Stream<List<Object>> zipLatest(Stream<?>... others);

    // ---------------------------------------------------------------- the graph

    /** Subscribes {@code downstream} to this stream. */
    void connect(Stream<?> downstream);

    /** Unsubscribes {@code downstream} from this stream. */
    void disconnect(Stream<?> downstream);

    /** Detaches this node from all its upstreams and releases what it holds (files, workers). */
    void destroy();

    /** The nodes this one receives from. */
    List<Stream<?>> upstreams();

    /** The nodes this one emits to, in the order they were attached. */
    List<Stream<?>> downstreams();

    /** The name given to this node, or {@code null}. */
    String name();

    /** Gives this node a name (shown by {@link #toString()} and {@link #visualize}); returns this. */
    Stream<T> named(String name);

    /** The scheduler this node's time-based operators use. */
    Scheduler scheduler();

    /** The graph reachable from this node as Graphviz DOT text. */
    String toDot();

    /**
     * Writes the graph to {@code file}: DOT for {@code .dot}/{@code .gv}, else rendered by Graphviz's
     * {@code dot} in the format named by the extension ({@code .svg}, {@code .png}).
     *
     * @throws IllegalStateException when {@code dot} is not on the PATH, saying to install Graphviz
     */
    Path visualize(Path file);

    /** Names the operator and the stream's name when one was given, e.g. {@code <map: inc>}. */
    @Override
    String toString();

    // ---------------------------------------------------------------- cluster

    /** Moves the rest of the pipeline onto {@code cluster}: the following operators run there. */
    default ClusterStream<T> scatter(Cluster cluster) {
        if (cluster == null) {
            throw new NullPointerException("cluster must not be null: pass an open cluster, e.g. IgniteCluster.local(2)");
        }
        return cluster.scatter(this);
    }

    /**
     * {@link #scatter(Cluster)} on the default cluster: the one made default explicitly, else the only
     * open one.
     *
     * @throws IllegalStateException when no cluster or several are open and none is the default
     */
    default ClusterStream<T> scatter() {
        return scatter(ClusterRegistry.defaultCluster());
    }
}
