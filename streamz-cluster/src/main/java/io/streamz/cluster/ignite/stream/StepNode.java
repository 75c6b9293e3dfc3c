package io.streamz.cluster.ignite.stream;

import io.streamz.cluster.ElementTooLargeException;
import io.streamz.cluster.ignite.driver.BytesInFlight;
import io.streamz.cluster.ignite.driver.Dispatcher;
import io.streamz.cluster.ignite.driver.Handle;
import io.streamz.local.core.Node;
import io.streamz.local.core.Refs;
import io.streamz.spi.FunctionNames;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A cluster step (map, filter, starmap, accumulate) in the local graph of handles: each element goes
 * to the step's {@link Dispatcher}, which sends it to the cluster, and a handle to its future result
 * goes downstream at once, so the emitter does not wait for the cluster here, unless too many bytes
 * are in flight (below). Back pressure comes from downstream ({@code gather}, a full {@code buffer}). An {@code ordered} step (accumulate) takes its
 * elements one at a time, so that their order is the emit order. A {@code List} of values still on
 * the driver (zip, partition or a window of scattered values) is shipped whole: when it is larger
 * than {@code maxElementBytes}, its result fails instead. The bytes of scattered values count in
 * {@link BytesInFlight} until their result is known: the emitter waits here while too many are.
 */
final class StepNode extends Node<Object> {
    private final Dispatcher dispatcher;
    private final String operator;
    private final Object function;
    private final boolean ordered;
    private final long maxElementBytes;
    private final BytesInFlight inFlight;
    /** Elements sent whose result is not known yet: what {@link #held()} reports. */
    private final AtomicInteger pending = new AtomicInteger();

    StepNode(Node<?> upstream, Dispatcher dispatcher, String operator, Object function, boolean ordered,
             long maxElementBytes, BytesInFlight inFlight) {
        super(upstream.scheduler());
        this.dispatcher = dispatcher;
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
        if (ordered) {
            synchronized (this) {
                return step(x);
            }
        }
        return step(x);
    }

    private CompletableFuture<?> step(Object x) {
        long bytes = Handle.shippedBytes(x);
        // Each value passed the limit at scatter; a List of them may not.
        if (bytes > maxElementBytes && x instanceof List<?> parts) {
            return emitDownstream(Handle.failed(new ElementTooLargeException("a List of " + parts.size()
                    + " scattered values (made by zip, partition or a window) for " + operatorName(), bytes, maxElementBytes)));
        }
        Handle result = new Handle();
        if (bytes > 0) {
            result.holdInFlight(inFlight, bytes);
        }
        pending.incrementAndGet();
        result.ready().whenComplete((ignored, error) -> pending.decrementAndGet());
        dispatcher.submit(x, result);
        Refs held = Refs.retainCurrent();
        if (held != null) {
            // The input is not done while the cluster computes it, whoever reads the handle and when.
            result.ready().whenComplete((ignored, error) -> held.release());
        }
        return emitDownstream(result);
    }

    /** The elements in flight on the cluster: sent, their result not known yet. */
    @Override
    public int held() {
        return pending.get();
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
