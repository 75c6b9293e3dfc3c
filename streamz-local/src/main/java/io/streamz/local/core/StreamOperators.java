package io.streamz.local.core;

import io.streamz.Accumulated;
import io.streamz.CollectStream;
import io.streamz.Stream;
import io.streamz.function.Function3;
import io.streamz.function.Function4;
import io.streamz.local.ops.FilterNode;
import io.streamz.local.ops.MapNode;
import io.streamz.local.ops.SinkNode;
import io.streamz.local.ops.SinkToListNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The operator methods of {@link Stream}: each checks its arguments and builds its node (one
 * operator, one class in {@code io.streamz.local.ops}). Kept apart from {@link Node}, which holds
 * the graph and the emit protocol.
 *
 * @param <T> element type of this stream
 */
abstract class StreamOperators<T> implements Stream<T> {

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
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public <A, B, R> Stream<R> starmap(BiFunction<A, B, R> f) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public <A, B, C, R> Stream<R> starmap(Function3<A, B, C, R> f) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public <A, B, C, D, R> Stream<R> starmap(Function4<A, B, C, D, R> f) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public Stream<T> accumulate(BiFunction<T, ? super T, T> f) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public <S> Stream<S> accumulate(BiFunction<S, ? super T, S> f, S start) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public <S, R> Stream<R> accumulateWithState(BiFunction<S, ? super T, Accumulated<S, R>> f, S start) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public <R> Stream<R> flatten() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public <R> Stream<R> pluck(int index) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public Stream<List<Object>> pluck(int... indices) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public <R> Stream<R> pluck(String key) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public Stream<List<Object>> pluck(String... keys) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public Stream<T> unique() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public Stream<T> unique(int history) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public Stream<T> unique(int history, Function<? super T, ?> key) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public Stream<T> slice(int start, int end, int step) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public Stream<T> slice(int start, int end) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public Stream<T> slice(int start) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public Stream<T> sinkAsync(Function<? super T, ? extends CompletionStage<?>> f) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public Stream<T> sinkToTextFile(Path file) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public Stream<T> buffer(int n) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public CollectStream<T> collect() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public Stream<T> delay(Duration interval) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public Stream<T> rateLimit(Duration interval) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public Stream<List<T>> timedWindow(Duration interval) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public Stream<List<T>> partition(int n) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public Stream<List<T>> partition(int n, Duration timeout) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public Stream<List<T>> partition(int n, Function<? super T, ?> key) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public Stream<List<T>> partition(int n, Duration timeout, Function<? super T, ?> key) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public Stream<List<T>> slidingWindow(int n) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public Stream<List<T>> slidingWindow(int n, boolean returnPartial) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public Stream<T> latest() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    @SafeVarargs public final Stream<T> union(Stream<? extends T>... others) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public Stream<List<Object>> zip(Stream<?>... others) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public Stream<List<Object>> combineLatest(Stream<?>... others) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public Stream<List<Object>> combineLatest(Collection<? extends Stream<?>> emitOn, Stream<?>... others) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public Stream<List<Object>> zipLatest(Stream<?>... others) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public void drain() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public CompletableFuture<Void> drainAsync() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public String toDot() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public Path visualize(Path file) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
