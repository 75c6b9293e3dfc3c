package io.streamz.local.internal.core;

import io.streamz.Stream;
import io.streamz.local.internal.graph.DotGraph;
import io.streamz.local.internal.graph.Graphviz;
import io.streamz.local.internal.ops.StreamOperators;
import io.streamz.spi.Checks;
import io.streamz.time.Scheduler;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The base of every local operator: a node of the stream graph that receives elements from its
 * upstreams in {@link #update} and passes results on with {@link #emitDownstream}.
 *
 * <p>The back-pressure protocol: {@code update} returns {@code null} when the element was fully
 * accepted synchronously (the fast path, which allocates nothing), or a future that completes when
 * it has been accepted downstream (an asynchronous sink, a full buffer, a rate limit). A user
 * function's exception is thrown straight out of {@code update} to the {@code emit} caller.
 *
 * @param <T> the type of the elements this node emits
 */
public abstract class Node<T> extends StreamOperators<T> {
    private static final Node<?>[] NONE = new Node<?>[0];
    private static final Node<?>[] METERED = new Node<?>[0];

    private final Scheduler scheduler;
    private final List<Node<?>> upstreams = new ArrayList<>();
    private volatile Node<?>[] downstreams = NONE;
    /**
     * What the emit paths read: {@link #downstreams} itself while metrics are off, {@link #METERED}
     * while on. The sentinel's length is not 1, so the one-downstream fast path needs no check of
     * its own: metrics off cost nothing on it, and the slow path sorts out the rest.
     */
    private volatile Node<?>[] route = NONE;
    private volatile String name;
    private volatile boolean destroyed;
    private final long serial;
    /** Counters while metrics are on, else {@code null}; read on the slow path only (see {@link #route}). */
    private volatile NodeMetrics metrics;
    private volatile HeldCount heldBy;

    /**
     * A node not yet subscribed to anything. Operators subscribe to their upstreams at the end of
     * their constructor, once their fields are set: an element emitted on another thread meanwhile
     * must not reach a half-built node.
     */
    protected Node(Scheduler scheduler) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.serial = LiveNodes.add(this);
        setMetrics(Metering.forNewNode());
    }

    /**
     * Receives {@code x} from {@code from} ({@code null} when emitted at this node by a caller).
     *
     * @return {@code null} when accepted synchronously, else a future completing on acceptance
     */
    public abstract CompletableFuture<?> update(Object x, Node<?> from);

    /**
     * What this node holds that has not gone downstream yet: a future that completes when it holds
     * nothing. The default goes with {@link #held()}: what its {@link Worker} holds, for the
     * asynchronous operators, else nothing; operators that hold elements otherwise override both.
     * {@link #drainAsync()} waits on it. Any thread.
     */
    protected CompletableFuture<Void> idle() {
        HeldCount count = heldBy;
        return count == null ? Futures.DONE : count.idle();
    }

    /** Releases what the node holds (workers, files); called once by {@link #destroy()}. */
    protected void release() {
    }

    /** The operator's name in {@code toString()} and DOT output, e.g. {@code map}. */
    protected abstract String operatorName();

    /** A short description of the operator's argument for {@code toString()}, or {@code null}. */
    protected String describeArgument() {
        return null;
    }

    // ---------------------------------------------------------------- emitting

    /**
     * The only downstream, or {@code null} when there are none or several. An operator that calls
     * {@code update} on it from its own code gives the JIT a call site per operator class, which it
     * can inline; the shared call site in {@link #emitDownstream} sees every operator type and cannot.
     */
    protected final Node<?> soleDownstream() {
        Node<?>[] targets = route;
        return targets.length == 1 ? targets[0] : null;
    }

    /** Passes {@code x} to every downstream, depth-first in attach order. */
    protected final CompletableFuture<?> emitDownstream(Object x) {
        Node<?>[] targets = route;
        if (targets.length == 1) {
            return targets[0].update(x, this);
        }
        if (targets == METERED) {
            NodeMetrics counters = metrics;
            if (counters != null) { // null when metrics just went off
                counters.countEmitted();
            }
            return emitToAll(downstreams, x, true);
        }
        return emitToAll(targets, x, false);
    }

    /** Delivers {@code x} to each target in turn; the futures of those that did not accept it yet. */
    private CompletableFuture<?> emitToAll(Node<?>[] targets, Object x, boolean metered) {
        // Made only once a target has not accepted x yet: the synchronous path allocates nothing.
        Acceptances pending = null;
        for (Node<?> target : targets) {
            CompletableFuture<?> accepted = metered ? deliverMetered(target, x) : target.update(x, this);
            if (!Acceptances.acceptedNow(accepted)) {
                if (pending == null) {
                    pending = new Acceptances();
                }
                pending.add(accepted);
            }
        }
        return pending == null ? null : pending.all();
    }

    /** Hands {@code x} to {@code target}, counting and timing it there (metrics are on). */
    private CompletableFuture<?> deliverMetered(Node<?> target, Object x) {
        NodeMetrics counters = target.metrics;
        if (counters == null) {
            return target.update(x, this);
        }
        counters.countReceived();
        boolean timed = counters.sampleNow();
        long start = timed ? System.nanoTime() : 0;
        try {
            CompletableFuture<?> accepted = target.update(x, this);
            if (accepted != null) {
                accepted.whenComplete((ignored, failure) -> {
                    if (failure != null) {
                        counters.countFailure(Futures.unwrap(failure));
                    }
                });
            }
            return accepted;
        } catch (RuntimeException | Error e) {
            counters.countFailure(e);
            throw e;
        } finally {
            if (timed) {
                counters.countTime(System.nanoTime() - start);
            }
        }
    }

    /** {@link #emitDownstream} for an element a caller emits at this node: counted as received too. */
    private CompletableFuture<?> emitFromCaller(Object x) {
        NodeMetrics counters = metrics;
        if (counters != null) {
            counters.countReceived();
        }
        return emitDownstream(x);
    }

    @Override
    public void emit(T x) {
        checkAlive();
        // The first hop gets a call site of its own: emitDownstream's is shared by every operator, so
        // the JIT sees too many receiver types there to inline, here only what follows a source.
        Node<?>[] targets = route;
        Futures.await(targets.length == 1 ? targets[0].update(x, this) : emitFromCaller(x));
    }

    @Override
    public CompletableFuture<Void> emitAsync(T x) {
        checkAlive();
        try {
            return Futures.toVoid(emitFromCaller(x));
        } catch (RuntimeException | Error e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Throws when this node was destroyed. */
    protected final void checkAlive() {
        if (destroyed) {
            throw new IllegalStateException(this + " was destroyed: build a new stream to emit into");
        }
    }

    // ---------------------------------------------------------------- graph

    @Override
    public synchronized void connect(Stream<?> downstream) {
        Node<?> node = asNode(downstream);
        Node<?>[] current = downstreams;
        Node<?>[] next = java.util.Arrays.copyOf(current, current.length + 1);
        next[current.length] = node;
        downstreams = next;
        if (route != METERED) {
            route = next;
        }
        synchronized (node.upstreams) {
            node.upstreams.add(this);
        }
    }

    @Override
    public synchronized void disconnect(Stream<?> downstream) {
        Node<?> node = asNode(downstream);
        List<Node<?>> remaining = new ArrayList<>(List.of(downstreams));
        if (remaining.remove(node)) {
            downstreams = remaining.toArray(NONE);
            if (route != METERED) {
                route = downstreams;
            }
            synchronized (node.upstreams) {
                node.upstreams.remove(this);
            }
        }
    }

    @Override
    public void destroy() {
        if (destroyed) {
            return;
        }
        destroyed = true;
        for (Stream<?> upstream : upstreams()) {
            upstream.disconnect(this);
        }
        release();
    }

    // ---------------------------------------------------------------- metrics

    /** This node's counters, or {@code null} while metrics are off ({@link Metering}). */
    final NodeMetrics metrics() {
        return metrics;
    }

    /** Under the node's lock, as connect and disconnect, which also write {@link #route}. */
    final synchronized void setMetrics(NodeMetrics counters) {
        if (counters != null) {
            metrics = counters;
            route = METERED;
        } else {
            route = downstreams;
            metrics = null;
        }
    }

    /** Called by a {@link Worker} of this node: its count is what {@link #held()} reports. */
    final void countHeldBy(HeldCount count) {
        heldBy = count;
    }

    /**
     * How many elements this node holds now (received, not yet accepted downstream): what its worker
     * holds, for the asynchronous operators; operators that hold elements otherwise override this.
     * Any thread.
     */
    public int held() {
        HeldCount count = heldBy;
        return count == null ? 0 : count.held();
    }

    /** A number unique to this node in this JVM, in construction order (dashboards key nodes by it). */
    public final long serial() {
        return serial;
    }

    /** The operator's name, e.g. {@code map} (what {@code toString()} shows first). */
    public final String operator() {
        return operatorName();
    }

    /** Whether {@link #destroy()} was called. */
    public final boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public List<Stream<?>> upstreams() {
        synchronized (upstreams) {
            return List.copyOf(upstreams);
        }
    }

    @Override
    public List<Stream<?>> downstreams() {
        return List.of(downstreams);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Stream<T> named(String newName) {
        this.name = newName;
        return this;
    }

    @Override
    public Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("<").append(operatorName());
        String argument = describeArgument();
        String label = name != null ? name : argument;
        if (label != null) {
            text.append(": ").append(label);
        }
        return text.append('>').toString();
    }

    /** The local node behind {@code stream}, or a clear error for a foreign implementation. */
    public static Node<?> asNode(Stream<?> stream) {
        Objects.requireNonNull(stream, "stream must not be null");
        if (stream instanceof Node<?> node) {
            return node;
        }
        throw new IllegalArgumentException(stream + " is not a stream of the local engine: "
                + "only streams made by Stream.create() and its operators can be connected");
    }

    @Override
    public void drain() {
        Futures.await(drainAsync());
    }

    @Override
    public CompletableFuture<Void> drainAsync() {
        return Drain.drainAsync(this);
    }

    @Override
    public String toDot() {
        return DotGraph.toDot(this);
    }

    @Override
    public Path visualize(Path file) {
        return Graphviz.visualize(this, Checks.notNull(file, "visualize file"));
    }
}
