package io.streamz.cluster.internal.job;

import io.streamz.Accumulated;
import io.streamz.function.BiFunctionEx;
import java.io.Serializable;

/**
 * Cluster {@code accumulate}: {@code state = f(state, x)}, emitted; without a start the first
 * element becomes the state and is emitted as is; with {@code returnsState}, {@code f} returns
 * {@link Accumulated} and its value is emitted. A failing element leaves the state unchanged.
 */
public final class AccumulateOp implements Serializable {
    private static final long serialVersionUID = 1L;

    private final BiFunctionEx<Object, Object, Object> function;
    private final boolean hasStart;
    private final Object start;
    private final boolean returnsState;

    @SuppressWarnings("unchecked")
    public AccumulateOp(BiFunctionEx<?, ?, ?> function, boolean hasStart, Object start, boolean returnsState) {
        this.function = (BiFunctionEx<Object, Object, Object>) function;
        this.hasStart = hasStart;
        this.start = start;
        this.returnsState = returnsState;
    }

    public Object function() {
        return function;
    }

    AccumulateState initial() {
        return new AccumulateState(start, hasStart, 0, null);
    }

    AccumulateState apply(AccumulateState current, Object x, Outcomes out, int i) {
        if (!current.hasState()) {
            out.present(i, x);
            return current.with(x);
        }
        Object result = function.apply(current.state(), x);
        if (!returnsState) {
            out.present(i, result);
            return current.with(result);
        }
        if (!(result instanceof Accumulated<?, ?> accumulated)) {
            throw new IllegalStateException("the accumulateWithState function must return Accumulated.of(state, value), returned: " + result);
        }
        out.present(i, accumulated.value());
        return current.with(accumulated.state());
    }
}
