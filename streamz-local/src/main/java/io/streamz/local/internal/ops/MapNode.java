package io.streamz.local.internal.ops;

import io.streamz.local.internal.core.Node;
import io.streamz.spi.FunctionNames;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** {@code map}: one in, one out. */
final class MapNode<I, R> extends Node<R> {
    private final Function<? super I, ? extends R> function;

    MapNode(Node<I> upstream, Function<? super I, ? extends R> function) {
        super(upstream.scheduler());
        this.function = function;
        upstream.connect(this);
    }

    @Override
    @SuppressWarnings("unchecked")
    public CompletableFuture<?> update(Object x, Node<?> from) {
        Object result = function.apply((I) x);
        Node<?> next = soleDownstream();
        return next != null ? next.update(result, this) : emitDownstream(result);
    }

    @Override
    protected String operatorName() {
        return "map";
    }

    @Override
    protected String describeArgument() {
        return FunctionNames.describe(function);
    }
}
