package io.streamz.cluster.ignite.stream;

import io.streamz.cluster.ignite.driver.Dispatcher;
import io.streamz.cluster.ignite.driver.Handle;
import io.streamz.local.core.Node;
import io.streamz.local.ops.FunctionNames;
import java.util.concurrent.CompletableFuture;

/**
 * A cluster step (map, filter, starmap, accumulate) in the local graph of handles: each element goes
 * to the step's {@link Dispatcher}, which sends it to the cluster, and a handle to its future result
 * goes downstream at once, so the emitter never waits for the cluster here. Back pressure comes from
 * downstream ({@code gather}, a full {@code buffer}). An {@code ordered} step (accumulate) takes its
 * elements one at a time, so that their order is the emit order.
 */
final class StepNode extends Node<Object> {
    private final Dispatcher dispatcher;
    private final String operator;
    private final Object function;
    private final boolean ordered;

    StepNode(Node<?> upstream, Dispatcher dispatcher, String operator, Object function, boolean ordered) {
        super(upstream.scheduler());
        this.dispatcher = dispatcher;
        this.operator = operator;
        this.function = function;
        this.ordered = ordered;
        dispatcher.describedBy(this);
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
