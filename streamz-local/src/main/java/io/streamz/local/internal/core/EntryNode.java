package io.streamz.local.internal.core;

import io.streamz.time.Scheduler;

import java.util.concurrent.CompletableFuture;

/**
 * What {@code Stream.create()} returns: the entry of a graph, a node with no upstream that callers
 * feed with {@code emit} and that passes each element on as it is. Not a {@code Source}: nothing in
 * it produces elements by itself.
 */
public final class EntryNode<T> extends Node<T> {
    /** An entry node called {@code name} (may be {@code null}), whose timed operators use {@code scheduler}. */
    public EntryNode(String name, Scheduler scheduler) {
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
