package io.streamz.local.internal.ops;

import io.streamz.local.internal.core.Futures;
import io.streamz.local.internal.core.InOrderLine;
import io.streamz.local.internal.core.Node;
import io.streamz.local.internal.core.Refs;
import io.streamz.local.internal.core.Worker;
import io.streamz.spi.FunctionNames;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * {@code mapAsync} (streamz's {@code map_async}): applies a function returning a
 * {@link CompletionStage} and emits its result once it completes. The emitter waits until the result
 * has been accepted downstream (or fails with the stage's original exception). Stages may complete in
 * any order, but results leave in input order: a result waits for those of earlier elements.
 * The function runs on the emitting thread; downstream runs on this node's worker. Not final: a
 * sink whose writes complete asynchronously (streamz-kafka's {@code toKafka}) is one of these.
 */
public class MapAsyncNode<I, R> extends Node<R> {
    private final Function<? super I, ? extends CompletionStage<? extends R>> function;
    private final Worker worker = new Worker(this);
    /** Elements whose results have not gone to the worker yet. */
    private final InOrderLine<Pending> pending = new InOrderLine<>(element -> element.done);

    /** Protected, not package-private, for streamz-kafka's sink, which extends this node. */
    protected MapAsyncNode(Node<I> upstream, Function<? super I, ? extends CompletionStage<? extends R>> function) {
        super(upstream.scheduler());
        this.function = function;
        upstream.connect(this);
    }

    @Override
    @SuppressWarnings("unchecked")
    public CompletableFuture<?> update(Object x, Node<?> from) {
        CompletionStage<? extends R> stage = function.apply((I) x);
        if (stage == null) {
            throw new NullPointerException("the mapAsync function returned null for " + x
                    + ": return a CompletionStage, e.g. CompletableFuture.completedFuture(result)");
        }
        Pending element = new Pending(Refs.retainCurrent());
        synchronized (this) {
            pending.add(element);
            worker.hold(1);
        }
        stage.whenComplete((result, error) -> completed(element, result, error));
        return element.outcome;
    }

    /** Hands the results at the head of the line, in order, to the worker. */
    private void completed(Pending element, Object result, Throwable error) {
        List<Pending> failed = null;
        synchronized (this) {
            element.result = result;
            element.error = error;
            element.done = true;
            Pending head;
            while ((head = pending.pollReady()) != null) {
                if (head.error == null) {
                    worker.submit(head.result, 1, head.outcome, Worker.FailureRoute.TO_OUTCOME, head.refs);
                } else {
                    worker.drop(1);
                    Refs.release(head.refs); // failed: done once its emitter hears of it
                    if (failed == null) {
                        failed = new ArrayList<>();
                    }
                    failed.add(head);
                }
            }
        }
        if (failed != null) {
            // Completed outside the lock: the emitter's callbacks run here.
            for (Pending head : failed) {
                head.outcome.completeExceptionally(Futures.unwrap(head.error));
            }
        }
    }

    @Override
    protected void release() {
        worker.stop();
    }

    @Override
    protected String operatorName() {
        return "map_async";
    }

    @Override
    protected String describeArgument() {
        return FunctionNames.describe(function);
    }

    private static final class Pending {
        final CompletableFuture<Void> outcome = new CompletableFuture<>();
        /** Its input references, so that what follows the result holds them too. */
        final Refs refs;
        Object result;
        Throwable error;
        boolean done;

        Pending(Refs refs) {
            this.refs = refs;
        }
    }
}
