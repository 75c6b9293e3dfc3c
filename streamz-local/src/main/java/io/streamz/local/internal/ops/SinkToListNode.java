package io.streamz.local.internal.ops;

import io.streamz.local.internal.core.Node;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** {@code sinkToList}: appends every element to a live, read-only list. */
final class SinkToListNode<T> extends Node<T> {
    private final AppendOnlyList<T> list = new AppendOnlyList<>();

    SinkToListNode(Node<T> upstream) {
        super(upstream.scheduler());
        upstream.connect(this);
    }

    /** The live list the caller gets. */
    public List<T> list() {
        return list;
    }

    @Override
    @SuppressWarnings("unchecked")
    public CompletableFuture<?> update(Object x, Node<?> from) {
        list.append((T) x);
        return null;
    }

    @Override
    protected String operatorName() {
        return "sink_to_list";
    }
}
