package io.streamz.local.internal.ops;

import io.streamz.local.internal.core.Node;
import io.streamz.spi.FunctionNames;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * {@code sinkAsync}: streamz's {@code sink} with a coroutine function (the seed's
 * {@code write_to_database}). The returned stage goes back to the emitter as back pressure: {@code emit}
 * returns once it completes, and its failure reaches the emitter as the original exception. The
 * function is called on the emitting thread; the stage completes wherever the user's code completes it.
 */
final class SinkAsyncNode<T> extends Node<T> {
    private final Function<? super T, ? extends CompletionStage<?>> function;

    SinkAsyncNode(Node<T> upstream, Function<? super T, ? extends CompletionStage<?>> function) {
        super(upstream.scheduler());
        this.function = function;
        upstream.connect(this);
    }

    @Override
    @SuppressWarnings("unchecked")
    public CompletableFuture<?> update(Object x, Node<?> from) {
        CompletionStage<?> written = function.apply((T) x);
        if (written == null) {
            throw new NullPointerException("the sinkAsync function returned null for " + x
                    + ": return a CompletionStage, e.g. CompletableFuture.completedFuture(null) when there is nothing to wait for");
        }
        return written.toCompletableFuture();
    }

    @Override
    protected String operatorName() {
        return "sink";
    }

    @Override
    protected String describeArgument() {
        return FunctionNames.describe(function);
    }
}
