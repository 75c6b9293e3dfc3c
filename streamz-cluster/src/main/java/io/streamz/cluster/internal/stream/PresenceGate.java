package io.streamz.cluster.internal.stream;

import io.streamz.cluster.internal.driver.Handle;
import io.streamz.local.internal.core.Node;
import java.util.concurrent.CompletableFuture;

/**
 * Drops the handles of filtered-out elements, in order, before an operator that counts elements
 * (zip, partition, slidingWindow, rateLimit, latest) so that it counts only those the filter kept.
 * It has to wait for the filter's verdict, so the emitter waits here unless a buffer stands before
 * it; failed handles pass on, to fail where they are used.
 */
final class PresenceGate extends OrderedNode<Object> {
    PresenceGate(Node<?> upstream) {
        super(upstream);
        upstream.connect(this);
    }

    @Override
    protected CompletableFuture<?> resolve(Object x) {
        if (!(x instanceof Handle handle) || handle.isInline()) {
            return CompletableFuture.completedFuture(x);
        }
        return handle.ready().handle((ignored, error) -> error == null && handle.isAbsent() ? SKIP : handle);
    }

    @Override
    protected String operatorName() {
        return "cluster presence";
    }
}
