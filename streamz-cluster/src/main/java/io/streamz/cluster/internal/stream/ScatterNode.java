package io.streamz.cluster.internal.stream;

import io.streamz.cluster.internal.driver.Handle;
import io.streamz.cluster.internal.job.ElementEncoder;
import io.streamz.local.internal.core.Node;
import java.util.concurrent.CompletableFuture;

/**
 * {@code scatter}: where a local stream enters a cluster stream. Each value is encoded here, once, and
 * becomes a handle that holds it and its encoded form; the first cluster step ships the latter with
 * its task, so it crosses the network once. Runs on the emitting thread and never waits itself: a
 * value that cannot be sent (too large, or holding what Ignite writes as {@code null}) fails here, so
 * the emitter gets the error (or the error handler, after an asynchronous operator) and nothing of
 * it goes downstream.
 */
final class ScatterNode extends Node<Object> {
    private final ElementEncoder encoder;

    ScatterNode(Node<?> upstream, ElementEncoder encoder) {
        super(upstream.scheduler());
        this.encoder = encoder;
        upstream.connect(this);
    }

    @Override
    public CompletableFuture<?> update(Object x, Node<?> from) {
        return emitDownstream(Handle.inline(x, encoder.encode(x)));
    }

    @Override
    protected String operatorName() {
        return "scatter";
    }
}
