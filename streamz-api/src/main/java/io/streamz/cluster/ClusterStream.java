package io.streamz.cluster;

import io.streamz.Accumulated;
import io.streamz.Stream;
import io.streamz.function.BiFunctionEx;
import io.streamz.function.Function3Ex;
import io.streamz.function.FunctionEx;
import io.streamz.function.PredicateEx;
import io.streamz.spi.KafkaSinkProviders;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The part of a pipeline that runs on a {@link Cluster} (streamz's {@code DaskStream}); made by
 * {@link Stream#scatter()}, left with {@link #gather()}.
 *
 * <p>{@code map}, {@code filter}, {@code accumulate}, {@code accumulateByKey} and {@code starmap} run
 * as compute tasks on the cluster. What flows between cluster operators are handles to results that stay on the cluster,
 * not the values: the next cluster step runs where its input lies, and {@link #gather()} brings
 * results back, in emit order. Data is freed on the cluster once nothing needs it.
 *
 * <p><b>Back pressure.</b> Without a {@link #buffer(int)}, {@code emit} returns only once
 * {@code gather} has delivered that element, so a remote exception reaches the {@code emit} caller
 * with the original exception in its cause chain. {@code buffer(n)} lets up to {@code n} unfinished
 * handles pile up first, which is what gives parallelism.
 *
 * <p>Functions travel to other JVMs: they are serializable ({@link FunctionEx} and its kin). One
 * that cannot be serialized fails when the operator is built, naming what it captured.
 *
 * <p>{@code ClusterStream} is not a {@code Stream}: the generic operators below work on handles as
 * {@code Stream}'s work on values.
 *
 * @param <T> type of the values on the cluster
 */
public interface ClusterStream<T> {

    /** Applies {@code f} on the cluster to every element. */
    <R> ClusterStream<R> map(FunctionEx<? super T, ? extends R> f);

    /** Keeps, on the cluster, only the elements for which {@code predicate} is true. */
    ClusterStream<T> filter(PredicateEx<? super T> predicate);

    /** Running reduction on the cluster without a start: the first element becomes the state. State lives on the cluster, with a backup. */
    ClusterStream<T> accumulate(BiFunctionEx<T, ? super T, T> f);

    /** Running reduction on the cluster from {@code start}; the state lives on the cluster, with a backup copy. */
    <S> ClusterStream<S> accumulate(BiFunctionEx<S, ? super T, S> f, S start);

    /**
     * Running reduction per key on the cluster: one state per key, starting at {@code start}; each
     * element becomes {@code f(state of key(x), x)}, which is the key's new state and what goes
     * downstream. {@link #gather()} returns the new states in emit order.
     *
     * <p>Each key's state lives on the server that owns the key (with a backup) and is updated there,
     * so different keys run in parallel on all servers' threads; one key's elements are applied in
     * emit order. A server lost mid-stream loses no element and applies none twice. Keys are
     * compared by their serialized form: use values such as strings, numbers, or records of them.
     * A key function that throws, or returns {@code null}, fails that element only (a
     * {@code NullPointerException} saying so); so does {@code f}, leaving the key's state as it was.
     * The states are freed when this step is destroyed, when nothing can emit into it any more, or
     * when the cluster closes. This default, for other implementations, refuses.
     *
     * @param key   the key of an element; runs on the cluster
     * @param f     the new state of the element's key from its state and the element; runs on the cluster
     * @param start each key's state before its first element
     */
    default <K, S> ClusterStream<S> accumulateByKey(FunctionEx<? super T, ? extends K> key, BiFunctionEx<S, ? super T, S> f, S start) {
        throw new UnsupportedOperationException(getClass().getName() + " has no keyed accumulate: build the stream with scatter()");
    }

    /** Returns-state reduction on the cluster: {@code f} returns {@code Accumulated.of(state, value)}. */
    <S, R> ClusterStream<R> accumulateWithState(BiFunctionEx<S, ? super T, Accumulated<S, R>> f, S start);

    /** {@code starmap} on the cluster for two-item {@code List}s; give the lambda's parameters explicit types. */
    <A, B, R> ClusterStream<R> starmap(BiFunctionEx<A, B, R> f);

    /** {@code starmap} on the cluster for three-item {@code List}s; give the lambda's parameters explicit types. */
    <A, B, C, R> ClusterStream<R> starmap(Function3Ex<A, B, C, R> f);

    /** Lets up to {@code n} unfinished handles pile up before back pressure reaches {@code emit}. */
    ClusterStream<T> buffer(int n);

    /**
     * streamz's {@code to_kafka} on the cluster: the servers produce every element as the value of a
     * record of {@code topic}, and the returned step passes on each element once Kafka acknowledged
     * it, so the values never cross the driver. A failed delivery fails that element as a failing
     * {@code map} does. Each server JVM keeps one producer per parameters, made at its first element,
     * shared by the steps with equal parameters, and closed after a minute without records: once this
     * step is destroyed, the cluster closed or the driver gone. Values as {@link Stream#toKafka}; the
     * parameters must be serializable (classes are passed by name). The servers need the Kafka
     * client's classes (on an embedded cluster they share the driver's class path).
     *
     * @throws IllegalArgumentException at once when the parameters cannot make a producer, saying why
     * @throws IllegalStateException when streamz-kafka is not on the driver's class path
     */
    default ClusterStream<T> toKafka(String topic, Map<String, ?> producerParams) {
        return KafkaSinkProviders.provider().toKafka(this, topic, producerParams);
    }

    /**
     * {@link #toKafka} for elements that are batches: the servers produce every item of each {@code
     * Iterable} element (a {@code List} from {@code fromKafkaBatched}, a {@code partition(n)}) as the
     * value of a record of {@code topic}, in the item order, and the returned step passes on the
     * element itself once Kafka acknowledged all of its items. Neither the element nor its items cross
     * the driver, and the cluster moves one element per batch rather than one per record, which is
     * what makes a batch pipeline fast. A failed delivery of any item fails the whole element, as a
     * failing {@code map} does (the items already written stay written: replaying the element writes
     * them again, at least once); an element that is not an {@code Iterable} fails saying so. Items as
     * {@link Stream#toKafka}'s values; the producers are {@link #toKafka}'s (one per parameters per
     * server JVM, shared with it).
     *
     * @throws IllegalArgumentException at once when the parameters cannot make a producer, saying why
     * @throws IllegalStateException when streamz-kafka is not on the driver's class path
     */
    default ClusterStream<T> toKafkaEach(String topic, Map<String, ?> producerParams) {
        return KafkaSinkProviders.provider().toKafkaEach(this, topic, producerParams);
    }

    /** Waits for each result, in emit order, and brings it back into a local stream. */
    Stream<T> gather();

    /** One handle from each input per output, in order; the values stay on the cluster. */
    ClusterStream<List<Object>> zip(ClusterStream<?>... others);

    /** Handles from this and the other cluster streams, as they come. */
    @SuppressWarnings("unchecked")
    ClusterStream<T> union(ClusterStream<? extends T>... others);

    /** Groups handles into {@code List}s of {@code n}. */
    ClusterStream<List<T>> partition(int n);

    /** Overlapping windows of the last {@code n} handles; only full windows. */
    ClusterStream<List<T>> slidingWindow(int n);

    /** Overlapping windows of {@code n} handles; with {@code returnPartial} the shorter first ones too. */
    ClusterStream<List<T>> slidingWindow(int n, boolean returnPartial);

    /** The handles that arrived during each {@code interval}, as a {@code List}, an empty one too. */
    ClusterStream<List<T>> timedWindow(Duration interval);

    /** Passes each handle on {@code interval} later. */
    ClusterStream<T> delay(Duration interval);

    /** No two handles pass closer together than {@code interval}. */
    ClusterStream<T> rateLimit(Duration interval);

    /** Passes on the latest handle only when downstream is ready. */
    ClusterStream<T> latest();

    /** The cluster this stream runs on. */
    Cluster cluster();

    /** The name given to this node, or {@code null}. */
    String name();

    /** Gives this node a name; returns this. */
    ClusterStream<T> named(String name);

    /**
     * Keeps the state of the step just before, an {@code accumulate}, {@code accumulateWithState} or
     * {@code accumulateByKey}, under the stable name {@code stateName}; returns this. Unlike
     * {@link #named(String)}, a display name, it changes how long the state lives: a named state
     * outlives this stream, this driver and its death. A driver built again with the same pipeline
     * (a new JVM, the same cluster) finds the state and continues from it; {@code start} is used only
     * when no state exists under the name. Only {@link #destroy()} removes it. On a cluster whose
     * servers persist named state to disk (the Docker cluster does), it also survives a restart of
     * every server; on one that keeps it in memory (the embedded default), a state lost with every
     * server fails its elements with {@code ClusterStateLostException}, never starting afresh.
     * One stream at a time may use a name: claiming it blocks until the cluster answers.
     *
     * <p><b>Exactly once per input record</b> ({@code accumulate} and {@code accumulateWithState}):
     * fed by {@code KafkaSource.fromKafkaBatched} read on the driver and {@code flatten()}ed, each
     * element carries its record's partition and offset (through local and cluster steps that make one
     * element of one, buffers included), and the state records per partition the last offset applied
     * and the results of records not yet committed. A driver killed and started again reads from the
     * committed offsets: a record it reads again is not applied twice, its stored result goes on
     * instead (so what follows, e.g. {@code toKafka}, sees it again: at least once), and a record whose
     * result was pruned as committed goes on as nothing. Elements made of several records ({@code zip},
     * {@code combineLatest}, a window or {@code partition} of several, {@code flatten} of anything but a
     * source's batch) carry no position and are applied as they come: at least once, like every element
     * of {@code accumulateByKey}, of an unnamed state, of {@code fromKafkaBatched} read on the cluster,
     * and of a driver-side {@code Stream.accumulate}. Records must reach the step in offset order per
     * partition, as one source emits them; functions are assumed deterministic, as for lineage.
     *
     * @param stateName the name, unique on the cluster among the states in use
     * @throws IllegalArgumentException when {@code stateName} is null or blank
     * @throws IllegalStateException    when the step before keeps no state or has taken elements already,
     *                                  when another open stream of this driver uses the name, or another
     *                                  driver still in the cluster does
     */
    default ClusterStream<T> durable(String stateName) {
        throw new UnsupportedOperationException(getClass().getName() + " has no durable state: build the stream with scatter()");
    }

    /**
     * Removes this node from the graph, as {@code Stream.destroy()} does, and frees what it keeps on
     * the cluster (an {@code accumulate}'s state, named or not) once the elements it has taken are done.
     * The engine's streams implement it; this default, for other implementations, refuses.
     */
    default void destroy() {
        throw new UnsupportedOperationException(getClass().getName() + " cannot be destroyed: build the stream with scatter()");
    }

    /** Names the operator and the stream's name when one was given, e.g. {@code <cluster map: parse>}. */
    @Override
    String toString();
}
