package io.streamz.cluster.ignite.job;

import io.streamz.function.FunctionEx;

/** Cluster {@code map}: one in, one out. */
public final class MapOp implements ElementOp {
    private static final long serialVersionUID = 1L;
    private final FunctionEx<Object, Object> function;

    @SuppressWarnings("unchecked")
    public MapOp(FunctionEx<?, ?> function) {
        this.function = (FunctionEx<Object, Object>) function;
    }

    @Override
    public void apply(Object x, Outcomes out, int i) {
        out.present(i, function.apply(x));
    }

    @Override
    public Object function() {
        return function;
    }
}
