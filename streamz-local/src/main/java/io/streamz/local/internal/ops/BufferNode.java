package io.streamz.local.internal.ops;

import io.streamz.local.internal.core.Node;
import io.streamz.local.internal.core.Refs;
import io.streamz.local.internal.core.Worker;

import java.util.concurrent.CompletableFuture;

/**
 * {@code buffer(n)}: up to {@code n} elements wait here while downstream is busy. The emitter
 * returns at once while there is room; when the queue is full it waits until the worker has taken
 * an element. Downstream runs on this buffer's worker, one element at a time, in order; its
 * exceptions go to the error handler, since no emitter waits for them.
 */
final class BufferNode<T> extends Node<T> {
    private final int size;
    private final Worker worker;

    BufferNode(Node<T> upstream, int size) {
        super(upstream.scheduler());
        this.size = size;
        this.worker = new Worker(this, size);
        // Subscribed last, so that no element arrives before the fields are set.
        upstream.connect(this);
    }

    @Override
    public CompletableFuture<?> update(Object x, Node<?> from) {
        worker.hold(1);
        return worker.submit(x, 1, Refs.retainCurrent());
    }

    @Override
    protected void release() {
        worker.stop();
    }

    @Override
    protected String operatorName() {
        return "buffer";
    }

    @Override
    protected String describeArgument() {
        return String.valueOf(size);
    }
}
