package io.streamz.local.internal.ops;

import io.streamz.local.internal.core.Node;
import io.streamz.local.internal.core.Refs;
import io.streamz.local.internal.core.Worker;

import java.util.concurrent.CompletableFuture;

/**
 * {@code latest()}: passes elements on while downstream keeps up; while downstream is busy it keeps
 * only the most recent element, dropping older ones that were waiting, and sends it once downstream
 * is ready. The emitter never waits. The last element of a burst is always delivered (streamz 0.6.4
 * holds it back until another element arrives). Downstream runs on this node's worker; its exceptions
 * go to the error handler.
 */
final class LatestNode<T> extends Node<T> {
    private final Worker worker = new Worker(this);
    /** Whether an element is on its way downstream. */
    private boolean emitting;
    private boolean hasNext;
    private Object next;
    private Refs nextRefs;

    LatestNode(Node<T> upstream) {
        super(upstream.scheduler());
        upstream.connect(this);
    }

    @Override
    public synchronized CompletableFuture<?> update(Object x, Node<?> from) {
        checkAlive();
        if (!emitting) {
            emitting = true;
            worker.hold(1);
            send(x, Refs.retainCurrent());
        } else {
            if (!hasNext) {
                worker.hold(1);
            }
            hasNext = true;
            next = x;
            // The element replaced is dropped by design: done as far as latest is concerned.
            Refs.release(nextRefs);
            nextRefs = Refs.retainCurrent();
        }
        return null;
    }

    private void send(Object x, Refs refs) {
        CompletableFuture<Void> accepted = new CompletableFuture<>();
        accepted.whenComplete((ignored, error) -> onAccepted());
        worker.submit(x, 1, accepted, Worker.FailureRoute.REPORTED, refs);
    }

    private synchronized void onAccepted() {
        if (hasNext && !isDestroyed()) {
            Object x = next;
            Refs refs = nextRefs;
            hasNext = false;
            next = null;
            nextRefs = null;
            send(x, refs);
        } else {
            emitting = false;
        }
    }

    @Override
    protected synchronized void release() {
        hasNext = false;
        next = null;
        worker.stop();
    }

    @Override
    protected String operatorName() {
        return "latest";
    }
}
