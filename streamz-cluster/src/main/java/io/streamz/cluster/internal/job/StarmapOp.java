package io.streamz.cluster.internal.job;

import io.streamz.function.BiFunctionEx;
import io.streamz.function.Function3Ex;
import java.util.List;

/** Cluster {@code starmap}: the items of a two- or three-item {@code List} splayed into arguments. */
public final class StarmapOp implements ElementOp {
    private static final long serialVersionUID = 1L;
    private final Object function;
    private final int arity;

    public StarmapOp(BiFunctionEx<?, ?, ?> function) {
        this.function = function;
        this.arity = 2;
    }

    public StarmapOp(Function3Ex<?, ?, ?, ?> function) {
        this.function = function;
        this.arity = 3;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void apply(Object x, Outcomes out, int i) {
        if (!(x instanceof List<?> items) || items.size() != arity) {
            throw new IllegalArgumentException("starmap takes " + arity + "-item Lists (e.g. from zip), got: " + x);
        }
        Object result = arity == 2
                ? ((BiFunctionEx<Object, Object, Object>) function).apply(items.get(0), items.get(1))
                : ((Function3Ex<Object, Object, Object, Object>) function).apply(items.get(0), items.get(1), items.get(2));
        out.present(i, result);
    }

    @Override
    public Object function() {
        return function;
    }
}
