package io.streamz.local.core;

import io.streamz.time.Scheduler;

import java.util.concurrent.CompletableFuture;

/** What {@code Stream.create()} returns: a node with no upstream, fed by {@code emit}. */
public final class SourceNode<T> extends Node<T> {
    public SourceNode(String name, Scheduler scheduler) {
        super(scheduler);
        named(name);
    }

    @Override
    public CompletableFuture<?> update(Object x, Node<?> from) {
        return emitDownstream(x);
    }

    @Override
    protected String operatorName() {
        return "Stream";
    }
}
