package io.streamz.cluster.internal.stream;

import io.streamz.Stream;
import io.streamz.cluster.ElementTooLargeException;
import io.streamz.cluster.internal.driver.BytesInFlight;
import io.streamz.cluster.internal.driver.Dispatcher;
import io.streamz.cluster.internal.driver.Handle;
import io.streamz.cluster.internal.job.ElementOp;
import io.streamz.local.internal.core.Node;
import io.streamz.local.internal.core.Refs;
import io.streamz.spi.FunctionNames;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

/**
 * A cluster step (map, filter, starmap, accumulate) in the local graph of handles: each element goes
 * to the step's {@link Dispatcher}, which sends it to the cluster, and a handle to its future result
 * goes downstream at once, so the emitter does not wait for the cluster here, unless too many bytes
 * are in flight (below). Back pressure comes from downstream ({@code gather}, a full {@code buffer}). An {@code ordered} step (accumulate) takes its
 * elements one at a time, so that their order is the emit order. A {@code List} of values still on
 * the driver (zip, partition or a window of scattered values) is shipped whole: when it is larger
 * than {@code maxElementBytes}, its result fails instead. The bytes of scattered values count in
 * {@link BytesInFlight} until their result is known: the emitter waits here while too many are.
 *
 * <p>An element-wise step whose only downstream is another runs fused with it ({@link FusedSteps},
 * decided at the first element): it then passes each input on unchanged, and the last step of the
 * chain sends one task per batch for the whole chain. Right after a source that reads on the servers,
 * the read itself applies the chain ({@link ServerReads}), and the last step passes on what it read.
 */
final class StepNode extends Node<Object> {
    /**
     * How the step handles its elements, decided at the first ({@link FusedSteps}): it sends them, or
     * passes them on to a fused chain it belongs to, or, last in a chain that a read on the servers
     * applies, passes on the read's handles, which are its results already.
     */
    private enum Role { SENDS, PASSES_ON, APPLIED_BY_READ }

    /** This step's, or the fused chain's when this step ends one. */
    private volatile Dispatcher dispatcher;
    /** {@code null} for a step that is not element-wise (accumulate): it never fuses. */
    private final ElementStep element;
    private volatile Role role;
    private final String operator;
    private final Object function;
    private final boolean ordered;
    private final long maxElementBytes;
    private final BytesInFlight inFlight;
    /** Elements sent whose result is not known yet: what {@link #held()} reports. */
    private final LongAdder pending = new LongAdder();

    /**
     * A step sending with {@code dispatcher}; {@code element} describes it when it is element-wise (it
     * may then fuse), else is {@code null}.
     */
    StepNode(Node<?> upstream, Dispatcher dispatcher, ElementStep element, String operator, Object function, boolean ordered,
             long maxElementBytes, BytesInFlight inFlight) {
        super(upstream.scheduler());
        this.dispatcher = dispatcher;
        this.element = element;
        this.operator = operator;
        this.function = function;
        this.ordered = ordered;
        dispatcher.describedBy(this);
        this.maxElementBytes = maxElementBytes;
        this.inFlight = inFlight;
        upstream.connect(this);
    }

    @Override
    public CompletableFuture<?> update(Object x, Node<?> from) {
        Role now = role;
        if (now == null) {
            now = decideRole();
        }
        if (now != Role.SENDS) {
            return passOn(x);
        }
        if (ordered) {
            synchronized (this) {
                return step(x);
            }
        }
        return step(x);
    }

    private synchronized Role decideRole() {
        if (role == null) {
            FusedSteps.decide(this);
        }
        return role;
    }

    /** A step of a fused chain before its last: the input goes on as it is, unless it is a List too large to ship. */
    private CompletableFuture<?> passOn(Object x) {
        long bytes = Handle.shippedBytes(x);
        return bytes > maxElementBytes && x instanceof List<?> parts ? emitDownstream(tooLarge(parts, bytes)) : emitDownstream(x);
    }

    private CompletableFuture<?> step(Object x) {
        long bytes = Handle.shippedBytes(x);
        // Each value passed the limit at scatter; a List of them may not.
        if (bytes > maxElementBytes && x instanceof List<?> parts) {
            return emitDownstream(tooLarge(parts, bytes));
        }
        Handle result = new Handle();
        if (bytes > 0) {
            result.holdInFlight(inFlight, bytes);
        }
        result.countIn(pending);
        dispatcher.submit(x, result);
        Refs held = Refs.retainCurrent();
        if (held != null) {
            // The input is not done while the cluster computes it, whoever reads the handle and when.
            result.ready().whenComplete((ignored, error) -> held.release());
        }
        return emitDownstream(result);
    }

    private Handle tooLarge(List<?> parts, long bytes) {
        return Handle.failed(new ElementTooLargeException("a List of " + parts.size()
                + " scattered values (made by zip, partition or a window) for " + operatorName(), bytes, maxElementBytes));
    }

    // ---------------------------------------------------------------- fusion (FusedSteps decides)

    /** What this step does to each element when it is element-wise, else {@code null}. */
    ElementStep element() {
        return element;
    }

    /** Whether this step's role is decided: it got an element, or a chain it belongs to was decided. */
    boolean decided() {
        return role != null;
    }

    /** This step sends its elements with its own dispatcher. */
    void sendsItself() {
        role = Role.SENDS;
    }

    /** This step ends a fused chain: it sends {@code chain} (every step's op fused) as {@code what} in messages. */
    void runs(ElementOp chain, String what) {
        Dispatcher fused = element.dispatcherFor().apply(chain, what);
        fused.describedBy(this);
        dispatcher = fused;
        role = Role.SENDS;
    }

    /** This step's function runs at the end of its fused chain: it passes each input on unchanged. */
    void passesOn() {
        role = Role.PASSES_ON;
    }

    /**
     * This step ends a chain that each read of the source before it applies on the server where it
     * read ({@link ServerReads}): its inputs, the read's handles, are its results; it passes them on
     * and may still get consumers, since its results are stored as usual.
     */
    void appliedByRead() {
        role = Role.APPLIED_BY_READ;
    }

    /**
     * Attaches {@code downstream}, unless this step passes its inputs on to a fused chain: its results
     * are never made, so nothing else may read them.
     *
     * @throws IllegalStateException when this step runs fused with the next, saying what to do
     */
    @Override
    public synchronized void connect(Stream<?> downstream) {
        if (role == Role.PASSES_ON) {
            throw new IllegalStateException(this + " runs fused with the cluster steps after it, in one task per element,"
                    + " since elements began to flow: its results are never stored, so nothing more can read them."
                    + " Attach every consumer of a cluster step before the first emit");
        }
        super.connect(downstream);
    }

    /** The elements in flight on the cluster: sent, their result not known yet. */
    @Override
    public int held() {
        return pending.intValue();
    }

    /** The dispatcher that sends this step's elements. */
    Dispatcher dispatcher() {
        return dispatcher;
    }

    @Override
    protected CompletableFuture<Void> idle() {
        return dispatcher.idle();
    }

    @Override
    protected void release() {
        dispatcher.release();
    }

    @Override
    protected String operatorName() {
        return "cluster " + operator;
    }

    @Override
    protected String describeArgument() {
        return FunctionNames.describe(function);
    }
}
