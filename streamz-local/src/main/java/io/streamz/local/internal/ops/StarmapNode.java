package io.streamz.local.internal.ops;

import io.streamz.function.Function3;
import io.streamz.function.Function4;
import io.streamz.local.internal.core.Node;
import io.streamz.spi.FunctionNames;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * {@code starmap}: applies a function of 2, 3 or 4 arguments to the items of each {@code List}
 * element, splayed into arguments. Stateless: it runs on the emitting thread, takes no lock, and
 * passes downstream's back pressure back unchanged. An element that is not a {@code List} of that
 * many items fails the {@code emit} with an {@link IllegalArgumentException}.
 *
 * @param <R> result type
 */
final class StarmapNode<R> extends Node<R> {
    private final int arity;
    private final Object function;
    private final Function<List<?>, ? extends R> call;

    private StarmapNode(Node<?> upstream, int arity, Object function, Function<List<?>, ? extends R> call) {
        super(upstream.scheduler());
        this.arity = arity;
        this.function = function;
        this.call = call;
        upstream.connect(this);
    }

    /** A starmap of a two-argument function. */
    @SuppressWarnings("unchecked")
    static <A, B, R> StarmapNode<R> of(Node<?> upstream, BiFunction<A, B, R> f) {
        return new StarmapNode<>(upstream, 2, f, items -> f.apply((A) items.get(0), (B) items.get(1)));
    }

    /** A starmap of a three-argument function. */
    @SuppressWarnings("unchecked")
    static <A, B, C, R> StarmapNode<R> of(Node<?> upstream, Function3<A, B, C, R> f) {
        return new StarmapNode<>(upstream, 3, f,
                items -> f.apply((A) items.get(0), (B) items.get(1), (C) items.get(2)));
    }

    /** A starmap of a four-argument function. */
    @SuppressWarnings("unchecked")
    static <A, B, C, D, R> StarmapNode<R> of(Node<?> upstream, Function4<A, B, C, D, R> f) {
        return new StarmapNode<>(upstream, 4, f,
                items -> f.apply((A) items.get(0), (B) items.get(1), (C) items.get(2), (D) items.get(3)));
    }

    @Override
    public CompletableFuture<?> update(Object x, Node<?> from) {
        if (!(x instanceof List<?> items) || items.size() != arity) {
            throw new IllegalArgumentException("starmap with a " + arity + "-argument function needs elements that are "
                    + arity + "-item Lists, got " + Describe.element(x));
        }
        return emitDownstream(call.apply(items));
    }

    @Override
    protected String operatorName() {
        return "starmap";
    }

    @Override
    protected String describeArgument() {
        return FunctionNames.describe(function);
    }
}
