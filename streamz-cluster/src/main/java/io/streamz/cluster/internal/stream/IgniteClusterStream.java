package io.streamz.cluster.internal.stream;

import io.streamz.Accumulated;
import io.streamz.Stream;
import io.streamz.cluster.Cluster;
import io.streamz.cluster.ClusterStream;
import io.streamz.cluster.internal.driver.AccumulateDispatcher;
import io.streamz.cluster.internal.driver.ClusterContext;
import io.streamz.cluster.internal.driver.Dispatcher;
import io.streamz.cluster.internal.driver.Dispatchers;
import io.streamz.cluster.internal.driver.KeyedAccumulateDispatcher;
import io.streamz.cluster.internal.driver.OpenContexts;
import io.streamz.cluster.internal.driver.StatefulDispatcher;
import io.streamz.cluster.internal.driver.Uses;
import io.streamz.cluster.internal.job.AccumulateOp;
import io.streamz.cluster.internal.job.ElementEncoder;
import io.streamz.cluster.internal.job.ElementOp;
import io.streamz.cluster.internal.job.FilterOp;
import io.streamz.cluster.internal.job.MapOp;
import io.streamz.cluster.internal.job.ShippedOp;
import io.streamz.cluster.internal.job.StarmapOp;
import io.streamz.function.BiFunctionEx;
import io.streamz.function.Function3Ex;
import io.streamz.function.FunctionEx;
import io.streamz.function.PredicateEx;
import io.streamz.local.internal.core.Node;
import io.streamz.spi.Checks;
import io.streamz.spi.FunctionNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The Ignite {@link ClusterStream}: a local stream of handles (DESIGN.md, "The cluster path"). Cluster
 * steps are {@link StepNode}s that send work to the cluster and pass handles on at once; the other
 * operators are the local engine's, applied to handles; {@link #gather()} brings values back.
 *
 * @param <T> type of the values on the cluster
 */
public final class IgniteClusterStream<T> implements ClusterStream<T> {
    private final ClusterContext context;
    private final Node<Object> node;
    private final Lineage lineage;

    private IgniteClusterStream(ClusterContext context, Node<Object> node, Lineage lineage) {
        this.context = context;
        this.node = node;
        this.lineage = lineage;
    }

    /**
     * A cluster stream fed by {@code upstream}, a stream of the local engine: what
     * {@code cluster.scatter(upstream)} returns. Takes the cluster, not its context, so that only a
     * cluster opened by {@code IgniteCluster} can be scattered on.
     *
     * @throws IllegalArgumentException    when {@code cluster} is not an {@code IgniteCluster}
     * @throws io.streamz.cluster.ClusterUnavailableException when it is closed
     */
    public static <T> ClusterStream<T> scatter(Cluster cluster, Stream<T> upstream) {
        return scatter(OpenContexts.of(cluster), upstream);
    }

    /** A cluster stream fed by {@code upstream} on {@code context} (the warm-up scatters on it). */
    static <T> ClusterStream<T> scatter(ClusterContext context, Stream<T> upstream) {
        context.checkOpen();
        ElementEncoder encoder = new ElementEncoder(context.codec(), context.options().maxElementBytes());
        return new IgniteClusterStream<>(context, new ScatterNode(Node.asNode(upstream), encoder), Lineage.scattered());
    }

    /** A cluster stream of the handles {@code handles} emits: results stored on the cluster, whose readers {@code uses} counts. */
    static <T> ClusterStream<T> ofStored(ClusterContext context, Node<?> handles, Uses uses) {
        context.checkOpen();
        @SuppressWarnings("unchecked")
        Node<Object> node = (Node<Object>) handles;
        return new IgniteClusterStream<>(context, node, Lineage.produced(uses, false));
    }

    // ---------------------------------------------------------------- cluster steps

    @Override
    public <R> ClusterStream<R> map(FunctionEx<? super T, ? extends R> f) {
        return elementStep("map", new MapOp(Serializability.require(f, "cluster map function")), false);
    }

    @Override
    public ClusterStream<T> filter(PredicateEx<? super T> predicate) {
        return elementStep("filter", new FilterOp(Serializability.require(predicate, "cluster filter predicate")), true);
    }

    @Override
    public <A, B, R> ClusterStream<R> starmap(BiFunctionEx<A, B, R> f) {
        return elementStep("starmap", new StarmapOp(Serializability.require(f, "cluster starmap function")), false);
    }

    @Override
    public <A, B, C, R> ClusterStream<R> starmap(Function3Ex<A, B, C, R> f) {
        return elementStep("starmap", new StarmapOp(Serializability.require(f, "cluster starmap function")), false);
    }

    @Override
    public ClusterStream<T> accumulate(BiFunctionEx<T, ? super T, T> f) {
        return accumulateStep(new AccumulateOp(Serializability.require(f, "cluster accumulate function"), false, null, false));
    }

    @Override
    public <S> ClusterStream<S> accumulate(BiFunctionEx<S, ? super T, S> f, S start) {
        return accumulateStep(new AccumulateOp(Serializability.require(f, "cluster accumulate function"), true,
                Serializability.require(start, "accumulate start"), false));
    }

    @Override
    public <S, R> ClusterStream<R> accumulateWithState(BiFunctionEx<S, ? super T, Accumulated<S, R>> f, S start) {
        return accumulateStep(new AccumulateOp(Serializability.require(f, "cluster accumulateWithState function"), true,
                Serializability.require(start, "accumulateWithState start"), true));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, S> ClusterStream<S> accumulateByKey(FunctionEx<? super T, ? extends K> key, BiFunctionEx<S, ? super T, S> f, S start) {
        FunctionEx<Object, Object> keyOf = (FunctionEx<Object, Object>) Serializability.require(key, "cluster accumulateByKey key function");
        AccumulateOp op = new AccumulateOp(Serializability.require(f, "cluster accumulateByKey function"), true,
                Serializability.require(start, "accumulateByKey start"), false);
        context.checkOpen();
        Uses uses = new Uses();
        KeyedAccumulateDispatcher dispatcher = Dispatchers.keyedAccumulate(context,
                ShippedOp.of(keyOf, context.options().maxElementBytes()), ShippedOp.of(op, context.options().maxElementBytes()),
                uses, stepName("accumulateByKey", op.function()));
        return step("accumulateByKey", dispatcher, null, op.function(), uses, false, true);
    }

    private <R> ClusterStream<R> elementStep(String operator, ElementOp op, boolean dropsElements) {
        context.checkOpen();
        Uses uses = new Uses();
        // Fusion (FusedSteps) may send a chain ending here in this step's place, for the same consumers.
        ElementStep element = new ElementStep(op, stepName(operator, op.function()), uses, (sent, what) ->
                Dispatchers.element(context, ShippedOp.of(sent, context.options().maxElementBytes()), uses, what));
        return step(operator, element.dispatcher(), element, op.function(), uses, dropsElements, false);
    }

    private <R> ClusterStream<R> accumulateStep(AccumulateOp op) {
        context.checkOpen();
        Uses uses = new Uses();
        AccumulateDispatcher dispatcher = Dispatchers.accumulate(context, ShippedOp.of(op, context.options().maxElementBytes()), uses,
                stepName("accumulate", op.function()));
        return step("accumulate", dispatcher, null, op.function(), uses, false, true);
    }

    /** The step as messages name it: "cluster map", and the function's class when it has a name. */
    private static String stepName(String operator, Object function) {
        String name = FunctionNames.describe(function);
        return "cluster " + operator + (name == null ? "" : " " + name);
    }

    /** A cluster step sending with {@code dispatcher}; {@code element} describes an element-wise one, else is {@code null}. */
    private <R> ClusterStream<R> step(String operator, Dispatcher dispatcher, ElementStep element, Object function, Uses uses,
                                      boolean dropsElements, boolean ordered) {
        lineage.consumedBy(false);
        StepNode step = new StepNode(node, dispatcher, element, operator, function, ordered, context.options().maxElementBytes(),
                context.bytesInFlight());
        // An element filtered out before stays absent after: map of nothing is nothing.
        return new IgniteClusterStream<>(context, step, Lineage.produced(uses, dropsElements || lineage.mayBeAbsent()));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Stream<T> gather() {
        lineage.consumedBy(true);
        return (Stream<T>) new GatherNode<>(context, node);
    }

    // ---------------------------------------------------------------- local operators on handles

    @Override
    public ClusterStream<T> buffer(int n) {
        return local(node.buffer(Checks.positive(n, "buffer size")), lineage);
    }

    @Override
    public ClusterStream<List<Object>> zip(ClusterStream<?>... others) {
        List<IgniteClusterStream<?>> inputs = sameCluster("zip", others);
        List<Stream<?>> rest = new ArrayList<>();
        List<Lineage> lineages = new ArrayList<>();
        for (IgniteClusterStream<?> input : inputs) {
            rest.add(input.present().node);
            lineages.add(input.lineage);
        }
        Node<Object> first = (Node<Object>) rest.remove(0);
        return local(first.zip(rest.toArray(Stream<?>[]::new)), Lineage.merge(lineages).present());
    }

    @Override
    @SafeVarargs
    @SuppressWarnings("unchecked")
    public final ClusterStream<T> union(ClusterStream<? extends T>... others) {
        List<IgniteClusterStream<?>> inputs = sameCluster("union", others);
        List<Lineage> lineages = new ArrayList<>();
        List<Stream<Object>> rest = new ArrayList<>();
        for (IgniteClusterStream<?> input : inputs.subList(1, inputs.size())) {
            rest.add(input.node);
        }
        inputs.forEach(input -> lineages.add(input.lineage));
        return local(node.union(rest.toArray(Stream[]::new)), Lineage.merge(lineages));
    }

    @Override
    public ClusterStream<List<T>> partition(int n) {
        Checks.positive(n, "partition size");
        return counted(gated -> gated.partition(n), false);
    }

    @Override
    public ClusterStream<List<T>> slidingWindow(int n) {
        return slidingWindow(n, false);
    }

    @Override
    public ClusterStream<List<T>> slidingWindow(int n, boolean returnPartial) {
        Checks.positive(n, "sliding window size");
        return counted(gated -> gated.slidingWindow(n, returnPartial), true);
    }

    @Override
    public ClusterStream<List<T>> timedWindow(Duration interval) {
        // Handles of filtered-out elements may sit in a window: gather and the steps skip them.
        return local(node.timedWindow(Checks.positive(interval, "timed window interval")), lineage.present());
    }

    @Override
    public ClusterStream<T> delay(Duration interval) {
        return local(node.delay(Checks.notNegative(interval, "delay interval")), lineage);
    }

    @Override
    public ClusterStream<T> rateLimit(Duration interval) {
        Checks.notNegative(interval, "rate limit interval");
        return counted(gated -> gated.rateLimit(interval), false);
    }

    @Override
    public ClusterStream<T> latest() {
        return counted(Stream::latest, true);
    }

    /** An operator that must see only the elements a filter kept: behind a presence gate when needed. */
    private <R> ClusterStream<R> counted(Function<Stream<Object>, Stream<?>> operator, boolean multiplies) {
        IgniteClusterStream<T> input = present();
        Lineage after = multiplies ? input.lineage.multiplied() : input.lineage.present();
        return local(operator.apply(input.node), after);
    }

    private IgniteClusterStream<T> present() {
        if (!lineage.mayBeAbsent()) {
            return this;
        }
        return new IgniteClusterStream<>(context, new PresenceGate(node), lineage.present());
    }

    @SuppressWarnings("unchecked")
    private <R> ClusterStream<R> local(Stream<?> handles, Lineage after) {
        return new IgniteClusterStream<>(context, (Node<Object>) Node.asNode(handles), after);
    }

    private List<IgniteClusterStream<?>> sameCluster(String operator, ClusterStream<?>[] others) {
        Checks.notNull(others, operator + " streams");
        List<IgniteClusterStream<?>> all = new ArrayList<>();
        all.add(this);
        for (ClusterStream<?> other : others) {
            Checks.notNull(other, operator + " stream");
            if (!(other instanceof IgniteClusterStream<?> ignite) || ignite.context != context) {
                throw new IllegalArgumentException(operator + " joins cluster streams of one cluster: " + other
                        + " is not on " + context.name() + "; gather() it and scatter() it again");
            }
            all.add(ignite);
        }
        return all;
    }

    // ---------------------------------------------------------------- naming

    @Override
    public Cluster cluster() {
        return context.owner();
    }

    @Override
    public String name() {
        return node.name();
    }

    @Override
    public ClusterStream<T> named(String newName) {
        node.named(newName);
        return this;
    }

    @Override
    public ClusterStream<T> durable(String stateName) {
        if (stateName == null || stateName.isBlank()) {
            throw new IllegalArgumentException("durable needs a state name that is not blank, e.g. durable(\"word-counts\"), got "
                    + (stateName == null ? "null" : "\"" + stateName + "\""));
        }
        if (!(node instanceof StepNode step) || !(step.dispatcher() instanceof StatefulDispatcher stateful)) {
            throw new IllegalStateException("durable(\"" + stateName + "\") names the state of the step just before it, and "
                    + this + " keeps no state: call it right after accumulate, accumulateWithState or accumulateByKey");
        }
        context.checkOpen();
        stateful.keepUnder(stateName);
        return this;
    }

    @Override
    public void destroy() {
        node.destroy();
    }

    /** {@code <cluster map: inc>}, {@code <scatter>}, {@code <cluster buffer: 8>}. */
    @Override
    public String toString() {
        String local = node.toString();
        return node instanceof StepNode || node instanceof ScatterNode ? local : "<cluster " + local.substring(1);
    }
}
