package io.streamz.collections;

import io.streamz.Accumulated;
import io.streamz.Stream;
import io.streamz.cluster.Cluster;
import io.streamz.cluster.ClusterStream;
import io.streamz.function.BiFunctionEx;
import io.streamz.function.Function3Ex;
import io.streamz.function.FunctionEx;
import io.streamz.function.PredicateEx;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.List;

/**
 * A stand-in for a cluster stream: {@code map} and {@code accumulate} send their function and start
 * state through Java serialization, as a cluster would, then run the copy on a local stream. Only
 * what {@link Pipeline#buildOn} uses is implemented.
 */
final class SerializingClusterStream<T> implements ClusterStream<T> {
    private final Stream<T> local;

    SerializingClusterStream(Stream<T> local) {
        this.local = local;
    }

    @SuppressWarnings("unchecked")
    static <V> V roundTrip(V value) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(value);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return (V) in.readObject();
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalArgumentException("not serializable: " + e, e);
        }
    }

    @Override
    public <R> ClusterStream<R> map(FunctionEx<? super T, ? extends R> f) {
        return new SerializingClusterStream<>(local.map(roundTrip(f)));
    }

    @Override
    public <S> ClusterStream<S> accumulate(BiFunctionEx<S, ? super T, S> f, S start) {
        return new SerializingClusterStream<>(local.accumulate(roundTrip(f), roundTrip(start)));
    }

    @Override
    public <S, R> ClusterStream<R> accumulateWithState(BiFunctionEx<S, ? super T, Accumulated<S, R>> f, S start) {
        return new SerializingClusterStream<>(local.accumulateWithState(roundTrip(f), roundTrip(start)));
    }

    @Override
    public Stream<T> gather() {
        return local;
    }

    @Override
    public ClusterStream<T> filter(PredicateEx<? super T> predicate) {
        throw unused();
    }

    @Override
    public ClusterStream<T> accumulate(BiFunctionEx<T, ? super T, T> f) {
        throw unused();
    }

    @Override
    public <A, B, R> ClusterStream<R> starmap(BiFunctionEx<A, B, R> f) {
        throw unused();
    }

    @Override
    public <A, B, C, R> ClusterStream<R> starmap(Function3Ex<A, B, C, R> f) {
        throw unused();
    }

    @Override
    public ClusterStream<T> buffer(int n) {
        throw unused();
    }

    @Override
    public ClusterStream<List<Object>> zip(ClusterStream<?>... others) {
        throw unused();
    }

    @Override
    @SafeVarargs
    public final ClusterStream<T> union(ClusterStream<? extends T>... others) {
        throw unused();
    }

    @Override
    public ClusterStream<List<T>> partition(int n) {
        throw unused();
    }

    @Override
    public ClusterStream<List<T>> slidingWindow(int n) {
        throw unused();
    }

    @Override
    public ClusterStream<List<T>> slidingWindow(int n, boolean returnPartial) {
        throw unused();
    }

    @Override
    public ClusterStream<List<T>> timedWindow(Duration interval) {
        throw unused();
    }

    @Override
    public ClusterStream<T> delay(Duration interval) {
        throw unused();
    }

    @Override
    public ClusterStream<T> rateLimit(Duration interval) {
        throw unused();
    }

    @Override
    public ClusterStream<T> latest() {
        throw unused();
    }

    @Override
    public Cluster cluster() {
        throw unused();
    }

    @Override
    public String name() {
        return null;
    }

    @Override
    public ClusterStream<T> named(String name) {
        return this;
    }

    private static UnsupportedOperationException unused() {
        return new UnsupportedOperationException("Pipeline.buildOn uses only map and accumulate");
    }
}
