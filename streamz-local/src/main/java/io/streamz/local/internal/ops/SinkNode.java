package io.streamz.local.internal.ops;

import io.streamz.local.internal.core.Node;
import io.streamz.spi.FunctionNames;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** {@code sink}: calls a function on every element; the graph holds it, so no reference is needed. */
final class SinkNode<T> extends Node<T> {
    private final Consumer<? super T> consumer;

    SinkNode(Node<T> upstream, Consumer<? super T> consumer) {
        super(upstream.scheduler());
        this.consumer = consumer;
        upstream.connect(this);
    }

    @Override
    @SuppressWarnings("unchecked")
    public CompletableFuture<?> update(Object x, Node<?> from) {
        consumer.accept((T) x);
        return null;
    }

    @Override
    protected String operatorName() {
        return "sink";
    }

    @Override
    protected String describeArgument() {
        return FunctionNames.describe(consumer);
    }
}
