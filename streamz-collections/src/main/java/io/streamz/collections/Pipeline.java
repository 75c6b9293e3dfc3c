package io.streamz.collections;

import io.streamz.Accumulated;
import io.streamz.Stream;
import io.streamz.cluster.Cluster;
import io.streamz.cluster.ClusterStream;
import io.streamz.function.BiFunctionEx;
import io.streamz.function.FunctionEx;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The chain of {@code map} and {@code accumulate} steps that a streaming collection has built from
 * a root stream. Each step is applied to the local stream as soon as it is added; the recorded
 * steps, all serializable functions, can then be built again on a {@link ClusterStream} with
 * {@link #runOn} (or, for serializable elements and states, {@link #buildOn}), so that the same
 * collection pipeline runs on a cluster (streamz's "dataframe operations are only implemented with
 * map and accumulate, and so are equally compatible with core Stream and DaskStream objects").
 *
 * <p>Immutable: adding a step returns a new pipeline; branches share their common steps.
 *
 * @param <E> the element type at the end of the pipeline
 */
public final class Pipeline<E> {
    private final Stream<?> root;
    private final Stream<E> stream;
    private final List<Step> steps;

    private Pipeline(Stream<?> root, Stream<E> stream, List<Step> steps) {
        this.root = root;
        this.stream = stream;
        this.steps = steps;
    }

    /** A pipeline with no steps yet, starting at {@code stream}. */
    public static <E> Pipeline<E> from(Stream<E> stream) {
        Objects.requireNonNull(stream, "stream must not be null: pass the stream whose elements the collection holds");
        return new Pipeline<>(stream, stream, List.of());
    }

    /** The local stream at the end of the pipeline. */
    public Stream<E> stream() {
        return stream;
    }

    /** The stream the recorded steps start from. */
    public Stream<?> root() {
        return root;
    }

    /** How many steps were recorded since the root. */
    public int size() {
        return steps.size();
    }

    /** Adds {@code stream.map(f)}. */
    public <R> Pipeline<R> map(FunctionEx<? super E, ? extends R> f) {
        Objects.requireNonNull(f, "map function must not be null");
        Stream<R> next = stream.map(f);
        return new Pipeline<>(root, next, append(new MapStep(f)));
    }

    /** Adds {@code stream.accumulate(f, start)}. */
    public <S> Pipeline<S> accumulate(BiFunctionEx<S, ? super E, S> f, S start) {
        Objects.requireNonNull(f, "accumulate function must not be null");
        Stream<S> next = stream.accumulate(f, start);
        return new Pipeline<>(root, next, append(new AccumulateStep(f, start, false)));
    }

    /** Adds {@code stream.accumulateWithState(f, start)}. */
    public <S, R> Pipeline<R> accumulateWithState(BiFunctionEx<S, ? super E, Accumulated<S, R>> f, S start) {
        Objects.requireNonNull(f, "accumulateWithState function must not be null");
        Stream<R> next = stream.accumulateWithState(f, start);
        return new Pipeline<>(root, next, append(new AccumulateStep(f, start, true)));
    }

    /**
     * Adds a running reduction with one state per key ({@link KeyedAccumulation}): locally one
     * {@code accumulateWithState} over the map of all keys' states; under {@link #runOn}, the
     * elements' changes are computed on the cluster and applied with
     * {@code ClusterStream.accumulateByKey}, each key's state on the server that owns the key, and
     * the driver combines the new states into each element's value (see {@link KeyedSegment}).
     * Both give the same values. {@link #buildOn}, which never goes through the driver, builds it
     * as one cluster {@code accumulateWithState} (the cluster has no flatten to split an element by key).
     */
    public <K, C, S, R> Pipeline<R> accumulateByKey(KeyedAccumulation<? super E, K, C, S, R> keyed) {
        Objects.requireNonNull(keyed, "keyed accumulation must not be null");
        @SuppressWarnings("unchecked")
        KeyedAccumulation<E, K, C, S, R> typed = (KeyedAccumulation<E, K, C, S, R>) keyed;
        Stream<R> next = stream.accumulateWithState(new KeyedFold<>(typed), typed.start());
        return new Pipeline<>(root, next, append(new KeyedStep(typed)));
    }

    /**
     * Builds the recorded steps again on {@code source}, a cluster stream whose elements are those
     * of {@link #root()}: every {@code map} and {@code accumulate} then runs on the cluster. The
     * functions must be serializable; the cluster checks that when each operator is built. The
     * elements and states cross to the cluster as they are, so they must be serializable too: a
     * Tablesaw table is not, so a DataFrame pipeline needs {@link #runOn} instead.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public ClusterStream<E> buildOn(ClusterStream<?> source) {
        Objects.requireNonNull(source, "source must not be null: pass a cluster stream fed with the root's elements");
        ClusterStream current = source;
        for (Step step : steps) {
            current = step.applyTo(current);
        }
        return (ClusterStream<E>) current;
    }

    /**
     * Runs the recorded steps on {@code cluster} for the elements of {@code source} (which are those
     * of {@link #root()}, e.g. the root itself) and returns the local stream of the results, in
     * order: {@code source} is scattered, every {@code map} and {@code accumulate} runs on the
     * cluster, and the results are gathered. Unlike {@link #buildOn}, elements and states, Tablesaw
     * tables among them, cross to and within the cluster in a serializable form, and are rebuilt
     * where a step or the gathering stream uses them. As after {@code gather()} without a
     * {@code buffer}, an {@code emit} into {@code source} returns once its result is delivered, and
     * a failure on the cluster reaches the {@code emit} caller. The results are emitted on the
     * thread that gathers them.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Stream<E> runOn(Cluster cluster, Stream<?> source) {
        Objects.requireNonNull(cluster, "cluster must not be null: pass an open cluster, e.g. IgniteCluster.local(2)");
        Objects.requireNonNull(source, "source must not be null: pass the stream of the root's elements");
        ClusterStream current = source.map(ClusterForm::pack).scatter(cluster);
        for (Step step : steps) {
            current = step.applyPackedTo(current);
        }
        return (Stream<E>) current.gather().map(ClusterForm::unpack);
    }

    private List<Step> append(Step step) {
        List<Step> next = new ArrayList<>(steps);
        next.add(step);
        return List.copyOf(next);
    }

    @Override
    public String toString() {
        return "Pipeline" + steps + " from " + root;
    }

    /** One recorded step. */
    private sealed interface Step {
        @SuppressWarnings("rawtypes")
        ClusterStream applyTo(ClusterStream stream);

        /** The step on a stream of {@link ClusterForm packed} values, giving packed values. */
        @SuppressWarnings("rawtypes")
        ClusterStream applyPackedTo(ClusterStream stream);
    }

    private record MapStep(FunctionEx<?, ?> f) implements Step {
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public ClusterStream applyTo(ClusterStream stream) {
            return stream.map((FunctionEx) f);
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public ClusterStream applyPackedTo(ClusterStream stream) {
            FunctionEx function = f;
            return stream.map((FunctionEx<Object, Object>) x -> ClusterForm.pack(function.applyEx(ClusterForm.unpack(x))));
        }

        @Override
        public String toString() {
            return "map";
        }
    }

    private record KeyedStep(KeyedAccumulation<?, ?, ?, ?, ?> keyed) implements Step {
        /** As locally, one accumulate: {@code buildOn} stays on the cluster, and per key needs the driver. */
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public ClusterStream applyTo(ClusterStream stream) {
            return stream.accumulateWithState(new KeyedFold(keyed), keyed.start());
        }

        /** Changes computed on the cluster, applied per key there, combined on the driver, scattered again. */
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public ClusterStream applyPackedTo(ClusterStream stream) {
            KeyedAccumulation plan = keyed;
            KeyedSegment segment = new KeyedSegment(plan, stream);
            FunctionEx<Object, Object> changes = x -> ClusterForm.pack(plan.changes(ClusterForm.unpack(x)));
            Stream<Object> values = stream.map(changes).gather()
                    .map(x -> ClusterForm.pack(segment.apply((List) ClusterForm.unpack(x))));
            return values.scatter(stream.cluster());
        }

        @Override
        public String toString() {
            return "accumulateByKey";
        }
    }

    private record AccumulateStep(BiFunctionEx<?, ?, ?> f, Object start, boolean withState) implements Step {
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public ClusterStream applyTo(ClusterStream stream) {
            return withState
                    ? stream.accumulateWithState((BiFunctionEx) f, start)
                    : stream.accumulate((BiFunctionEx) f, start);
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public ClusterStream applyPackedTo(ClusterStream stream) {
            BiFunctionEx function = f;
            if (withState) {
                return stream.accumulateWithState((BiFunctionEx<Object, Object, Accumulated<Object, Object>>) (state, x) -> {
                    Accumulated<?, ?> next = (Accumulated<?, ?>) function.applyEx(ClusterForm.unpack(state),
                            ClusterForm.unpack(x));
                    return Accumulated.of(ClusterForm.pack(next.state()), ClusterForm.pack(next.value()));
                }, ClusterForm.pack(start));
            }
            return stream.accumulate((BiFunctionEx<Object, Object, Object>) (state, x) ->
                    ClusterForm.pack(function.applyEx(ClusterForm.unpack(state), ClusterForm.unpack(x))), ClusterForm.pack(start));
        }

        @Override
        public String toString() {
            return withState ? "accumulateWithState" : "accumulate";
        }
    }
}
