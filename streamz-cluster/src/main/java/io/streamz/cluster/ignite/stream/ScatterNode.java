package io.streamz.cluster.ignite.stream;

import io.streamz.cluster.ignite.driver.Handle;
import io.streamz.local.core.Node;
import java.util.concurrent.CompletableFuture;

/**
 * {@code scatter}: where a local stream enters a cluster stream. Each value becomes a handle that
 * still holds it; the first cluster step ships it with its task, so it crosses the network once.
 * Runs on the emitting thread and never waits itself.
 */
final class ScatterNode extends Node<Object> {
    ScatterNode(Node<?> upstream) {
        super(upstream.scheduler());
        upstream.connect(this);
    }

    @Override
    public CompletableFuture<?> update(Object x, Node<?> from) {
        return emitDownstream(Handle.inline(x));
    }

    @Override
    protected String operatorName() {
        return "scatter";
    }
}
