package io.streamz.local.internal.ops;

import io.streamz.Accumulated;
import io.streamz.local.internal.core.Node;
import io.streamz.spi.FunctionNames;

import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

/**
 * {@code accumulate}: a running reduction. Each element gives {@code state = f(state, x)}, which is
 * emitted; without a start the first element becomes the state and is emitted as is. In the
 * returns-state form {@code f} gives {@link Accumulated#of(Object, Object) Accumulated.of(state,
 * value)}: the state is kept and the value emitted.
 *
 * <p>One element at a time under this node's lock, on the emitting thread; the result is emitted
 * while the lock is held, so results leave in the order of the states. A function that throws leaves
 * the state unchanged; a downstream failure does not undo the new state (as in streamz). Downstream's
 * back pressure is passed back unchanged.
 *
 * @param <R> emitted type
 */
final class AccumulateNode<R> extends Node<R> {
    /** The state before the first element when no start was given ({@code null} is a valid start). */
    private static final Object NO_STATE = new Object();

    private final Object lock = new Object();
    private final BiFunction<Object, Object, ?> function;
    private final boolean returnsState;
    private Object state;

    private AccumulateNode(Node<?> upstream, BiFunction<Object, Object, ?> function, boolean returnsState,
                           Object start) {
        super(upstream.scheduler());
        this.function = function;
        this.returnsState = returnsState;
        this.state = start;
        upstream.connect(this);
    }

    /** Without a start: the first element becomes the state. */
    @SuppressWarnings("unchecked")
    static <T> AccumulateNode<T> withoutStart(Node<T> upstream, BiFunction<T, ? super T, T> f) {
        return new AccumulateNode<>(upstream, (BiFunction<Object, Object, ?>) (BiFunction<?, ?, ?>) f, false, NO_STATE);
    }

    /** From {@code start}: each result is both the new state and what is emitted. */
    @SuppressWarnings("unchecked")
    static <T, S> AccumulateNode<S> from(Node<T> upstream, BiFunction<S, ? super T, S> f, S start) {
        return new AccumulateNode<>(upstream, (BiFunction<Object, Object, ?>) (BiFunction<?, ?, ?>) f, false, start);
    }

    /** From {@code start}, with {@code f} returning the new state and the value to emit apart. */
    @SuppressWarnings("unchecked")
    static <T, S, R> AccumulateNode<R> withState(Node<T> upstream,
                                                       BiFunction<S, ? super T, Accumulated<S, R>> f, S start) {
        return new AccumulateNode<>(upstream, (BiFunction<Object, Object, ?>) (BiFunction<?, ?, ?>) f, true, start);
    }

    @Override
    public CompletableFuture<?> update(Object x, Node<?> from) {
        synchronized (lock) {
            if (state == NO_STATE) {
                state = x;
                return emitDownstream(x);
            }
            Object result = function.apply(state, x);
            if (!returnsState) {
                state = result;
                return emitDownstream(result);
            }
            if (!(result instanceof Accumulated<?, ?> accumulated)) {
                throw new NullPointerException("the accumulateWithState function returned null: "
                        + "return Accumulated.of(newState, valueToEmit)");
            }
            state = accumulated.state();
            return emitDownstream(accumulated.value());
        }
    }

    @Override
    protected String operatorName() {
        return "accumulate";
    }

    @Override
    protected String describeArgument() {
        return FunctionNames.describe(function);
    }
}
