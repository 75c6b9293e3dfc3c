package io.streamz.local.internal.ops;

import io.streamz.Accumulated;
import io.streamz.CollectStream;
import io.streamz.Stream;
import io.streamz.function.Function3;
import io.streamz.function.Function4;
import io.streamz.local.internal.core.Node;
import io.streamz.spi.Checks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The operator methods of {@link Stream}: each checks its arguments and builds its node (one
 * operator, one class of this package). It lives with the operators so that their constructors,
 * which skip those checks, stay package-private; it is public only because {@link Node}, which holds
 * the graph, the emit protocol and draining, extends it.
 *
 * @param <T> element type of this stream
 */
public abstract class StreamOperators<T> implements Stream<T> {

    /** For {@link Node} alone. */
    protected StreamOperators() {
    }

    /** This stream as the node the operators subscribe to. */
    @SuppressWarnings("unchecked")
    private Node<T> self() {
        return (Node<T>) this;
    }

    @Override
    public <R> Stream<R> map(Function<? super T, ? extends R> f) {
        return new MapNode<>(self(), Checks.notNull(f, "map function"));
    }

    @Override
    public Stream<T> filter(Predicate<? super T> predicate) {
        return new FilterNode<>(self(), Checks.notNull(predicate, "filter predicate"));
    }

    @Override
    public Stream<T> sink(Consumer<? super T> f) {
        return new SinkNode<>(self(), Checks.notNull(f, "sink function"));
    }

    @Override
    public List<T> sinkToList() {
        return new SinkToListNode<>(self()).list();
    }

    @Override
    public <R> Stream<R> mapAsync(Function<? super T, ? extends CompletionStage<? extends R>> f) {
        return new MapAsyncNode<>(self(), Checks.notNull(f, "mapAsync function"));
    }

    @Override
    public <A, B, R> Stream<R> starmap(BiFunction<A, B, R> f) {
        return StarmapNode.of(self(), Checks.notNull(f, "starmap function"));
    }

    @Override
    public <A, B, C, R> Stream<R> starmap(Function3<A, B, C, R> f) {
        return StarmapNode.of(self(), Checks.notNull(f, "starmap function"));
    }

    @Override
    public <A, B, C, D, R> Stream<R> starmap(Function4<A, B, C, D, R> f) {
        return StarmapNode.of(self(), Checks.notNull(f, "starmap function"));
    }

    @Override
    public Stream<T> accumulate(BiFunction<T, ? super T, T> f) {
        return AccumulateNode.withoutStart(self(), Checks.notNull(f, "accumulate function"));
    }

    @Override
    public <S> Stream<S> accumulate(BiFunction<S, ? super T, S> f, S start) {
        return AccumulateNode.from(self(), Checks.notNull(f, "accumulate function"), start);
    }

    @Override
    public <S, R> Stream<R> accumulateWithState(BiFunction<S, ? super T, Accumulated<S, R>> f, S start) {
        return AccumulateNode.withState(self(), Checks.notNull(f, "accumulateWithState function"), start);
    }

    @Override
    public <R> Stream<R> flatten() {
        return new FlattenNode<>(self());
    }

    @Override
    public <R> Stream<R> pluck(int index) {
        return PluckNode.index(self(), index);
    }

    @Override
    public Stream<List<Object>> pluck(int... indices) {
        return PluckNode.indices(self(), Checks.notNull(indices, "pluck indices"));
    }

    @Override
    public <R> Stream<R> pluck(String key) {
        return PluckNode.key(self(), Checks.notNull(key, "pluck key"));
    }

    @Override
    public Stream<List<Object>> pluck(String... keys) {
        return PluckNode.keys(self(), Checks.notNull(keys, "pluck keys"));
    }

    @Override
    public Stream<T> unique() {
        return new UniqueNode<>(self(), 0, Function.identity());
    }

    @Override
    public Stream<T> unique(int history) {
        return new UniqueNode<>(self(), Checks.positive(history, "unique history"), Function.identity());
    }

    @Override
    public Stream<T> unique(int history, Function<? super T, ?> key) {
        return new UniqueNode<>(self(), Checks.positive(history, "unique history"),
                Checks.notNull(key, "unique key function"));
    }

    @Override
    public Stream<T> slice(int start, int end, int step) {
        return new SliceNode<>(self(), Checks.notNegative(start, "slice start"), Checks.notNegative(end, "slice end"),
                Checks.positive(step, "slice step"));
    }

    @Override
    public Stream<T> slice(int start, int end) {
        return slice(start, end, 1);
    }

    @Override
    public Stream<T> slice(int start) {
        return new SliceNode<>(self(), Checks.notNegative(start, "slice start"), SliceNode.NO_END, 1);
    }

    @Override
    public Stream<T> sinkAsync(Function<? super T, ? extends CompletionStage<?>> f) {
        return new SinkAsyncNode<>(self(), Checks.notNull(f, "sinkAsync function"));
    }

    @Override
    public Stream<T> sinkToTextFile(Path file) {
        return new SinkToTextFileNode<>(self(), Checks.notNull(file, "sinkToTextFile file"));
    }

    @Override
    public Stream<T> buffer(int n) {
        return new BufferNode<>(self(), Checks.positive(n, "buffer size"));
    }

    @Override
    public CollectStream<T> collect() {
        return new CollectNode<>(self());
    }

    @Override
    public Stream<T> delay(Duration interval) {
        return new DelayNode<>(self(), Checks.notNegative(interval, "delay interval"));
    }

    @Override
    public Stream<T> rateLimit(Duration interval) {
        return new RateLimitNode<>(self(), Checks.notNegative(interval, "rateLimit interval"));
    }

    @Override
    public Stream<List<T>> timedWindow(Duration interval) {
        return new TimedWindowNode<>(self(), Checks.positive(interval, "timedWindow interval"));
    }

    @Override
    public Stream<List<T>> partition(int n) {
        return new PartitionNode<>(self(), Checks.positive(n, "partition size"), null);
    }

    @Override
    public Stream<List<T>> partition(int n, Duration timeout) {
        return new PartitionTimeoutNode<>(self(), Checks.positive(n, "partition size"),
                Checks.positive(timeout, "partition timeout"), null);
    }

    @Override
    public Stream<List<T>> partition(int n, Function<? super T, ?> key) {
        return new PartitionNode<>(self(), Checks.positive(n, "partition size"),
                Checks.notNull(key, "partition key function"));
    }

    @Override
    public Stream<List<T>> partition(int n, Duration timeout, Function<? super T, ?> key) {
        return new PartitionTimeoutNode<>(self(), Checks.positive(n, "partition size"),
                Checks.positive(timeout, "partition timeout"), Checks.notNull(key, "partition key function"));
    }

    @Override
    public Stream<List<T>> slidingWindow(int n) {
        return slidingWindow(n, false);
    }

    @Override
    public Stream<List<T>> slidingWindow(int n, boolean returnPartial) {
        return new SlidingWindowNode<>(self(), Checks.positive(n, "sliding window size"), returnPartial);
    }

    @Override
    public Stream<T> latest() {
        return new LatestNode<>(self());
    }

    @Override
    @SafeVarargs public final Stream<T> union(Stream<? extends T>... others) {
        return new UnionNode<T>(self(), others);
    }

    @Override
    public Stream<List<Object>> zip(Stream<?>... others) {
        return new ZipNode(self(), others);
    }

    @Override
    public Stream<List<Object>> combineLatest(Stream<?>... others) {
        return new CombineLatestNode(self(), others);
    }

    @Override
    public Stream<List<Object>> combineLatest(Collection<? extends Stream<?>> emitOn, Stream<?>... others) {
        return new CombineLatestNode(self(), others, Checks.notNull(emitOn, "emitOn"));
    }

    @Override
    public Stream<List<Object>> zipLatest(Stream<?>... others) {
        return new ZipLatestNode(self(), others);
    }

}
