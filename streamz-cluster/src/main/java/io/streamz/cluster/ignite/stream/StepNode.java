package io.streamz.cluster.ignite.stream;

import io.streamz.cluster.ElementTooLargeException;
import io.streamz.cluster.ignite.driver.Dispatcher;
import io.streamz.cluster.ignite.driver.Handle;
import io.streamz.local.core.Node;
import io.streamz.local.ops.FunctionNames;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A cluster step (map, filter, starmap, accumulate) in the local graph of handles: each element goes
 * to the step's {@link Dispatcher}, which sends it to the cluster, and a handle to its future result
 * goes downstream at once, so the emitter never waits for the cluster here. Back pressure comes from
 * downstream ({@code gather}, a full {@code buffer}). An {@code ordered} step (accumulate) takes its
 * elements one at a time, so that their order is the emit order. A {@code List} of values still on
 * the driver (zip, partition or a window of scattered values) is shipped whole: when it is larger
 * than {@code maxElementBytes}, its result fails instead.
 */
final class StepNode extends Node<Object> {
    private final Dispatcher dispatcher;
    private final String operator;
    private final Object function;
    private final boolean ordered;
    private final long maxElementBytes;

    StepNode(Node<?> upstream, Dispatcher dispatcher, String operator, Object function, boolean ordered,
             long maxElementBytes) {
        super(upstream.scheduler());
        this.dispatcher = dispatcher;
        this.operator = operator;
        this.function = function;
        this.ordered = ordered;
        this.maxElementBytes = maxElementBytes;
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
        if (x instanceof List<?> parts) {
            // Each part passed the limit at scatter; together they may not.
            long bytes = Handle.shippedBytes(parts);
            if (bytes > maxElementBytes) {
                return emitDownstream(Handle.failed(new ElementTooLargeException("a List of " + parts.size()
                        + " scattered values (made by zip, partition or a window) for " + operatorName(), bytes, maxElementBytes)));
            }
        }
        Handle result = new Handle();
        dispatcher.submit(x, result);
        return emitDownstream(result);
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
