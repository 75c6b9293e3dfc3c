package io.streamz.cluster.internal.stream;

import io.streamz.cluster.internal.driver.ClusterContext;
import io.streamz.cluster.internal.driver.GatherValues;
import io.streamz.local.internal.core.Node;
import java.util.concurrent.CompletableFuture;

/**
 * {@code gather}: brings each result back from the cluster, in emit order, and emits its value
 * (filtered-out elements emit nothing). A batch's results are fetched with one read when the first
 * of them is needed, or as soon as the batch is computed when this gather is its only reader.
 * Without a buffer upstream the emitter waits here until its element has gone downstream, or gets
 * the user function's original exception. Downstream runs on the emitting thread when the result is
 * already here, else on a callback thread of the cluster.
 */
final class GatherNode<T> extends OrderedNode<T> {
    private final ClusterContext context;

    GatherNode(ClusterContext context, Node<?> upstream) {
        super(upstream);
        this.context = context;
        upstream.connect(this);
    }

    @Override
    protected Object resolveNow(Object x) {
        Object value = GatherValues.now(x);
        return value == GatherValues.LATER ? LATER : value == GatherValues.SKIP ? SKIP : value;
    }

    @Override
    protected CompletableFuture<?> resolve(Object x) {
        return GatherValues.of(x).thenApply(value -> value == GatherValues.SKIP ? SKIP : value);
    }

    @Override
    protected CompletableFuture<Void> idle() {
        // Consumed results may still be on their way out of the cache.
        return CompletableFuture.allOf(super.idle(), context.removalsIdle());
    }

    @Override
    protected String operatorName() {
        return "gather";
    }
}
