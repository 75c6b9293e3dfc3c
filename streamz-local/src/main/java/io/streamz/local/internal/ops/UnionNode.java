package io.streamz.local.internal.ops;

import io.streamz.Stream;
import io.streamz.local.internal.core.Node;

import java.util.concurrent.CompletableFuture;

/**
 * {@code union}: every element of this stream and of the others flows on as it comes. Stateless: it
 * runs on whichever thread emitted into an input (so downstream may be called from several threads
 * at once, as {@code emit} may) and passes downstream's back pressure back to that emitter.
 *
 * @param <T> element type
 */
final class UnionNode<T> extends Node<T> {

    /** The union of {@code self} and {@code others}, checked: local streams, none null or given twice. */
    UnionNode(Node<? extends T> self, Stream<? extends T>[] others) {
        super(self.scheduler());
        JoinInputs.of("union", self, others).connect(this);
    }

    @Override
    public CompletableFuture<?> update(Object x, Node<?> from) {
        return emitDownstream(x);
    }

    @Override
    protected String operatorName() {
        return "union";
    }
}
