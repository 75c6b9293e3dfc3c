package io.streamz.local.internal.ops;

import io.streamz.local.internal.core.Node;
import io.streamz.spi.FunctionNames;

import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/** {@code filter}: passes on only the elements for which the predicate is true. */
final class FilterNode<T> extends Node<T> {
    private final Predicate<? super T> predicate;

    FilterNode(Node<T> upstream, Predicate<? super T> predicate) {
        super(upstream.scheduler());
        this.predicate = predicate;
        upstream.connect(this);
    }

    @Override
    @SuppressWarnings("unchecked")
    public CompletableFuture<?> update(Object x, Node<?> from) {
        if (!predicate.test((T) x)) {
            return null;
        }
        Node<?> next = soleDownstream();
        return next != null ? next.update(x, this) : emitDownstream(x);
    }

    @Override
    protected String operatorName() {
        return "filter";
    }

    @Override
    protected String describeArgument() {
        return FunctionNames.describe(predicate);
    }
}
