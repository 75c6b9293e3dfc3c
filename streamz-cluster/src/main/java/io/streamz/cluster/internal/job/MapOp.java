package io.streamz.cluster.internal.job;

import io.streamz.function.FunctionEx;
import io.streamz.spi.PipelinedFunction;

/** Cluster {@code map}: one in, one out; a {@link PipelinedFunction} starts a job's elements all first. */
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

    /** Starts every element first when the function is a {@link PipelinedFunction}. */
    @Override
    @SuppressWarnings("unchecked")
    public ElementOp forBatch(Object[] values) {
        return function instanceof PipelinedFunction<?, ?, ?> pipelined
                ? new StartedBatch((PipelinedFunction<Object, Object, Object>) pipelined, values)
                : this;
    }

    @Override
    public Object function() {
        return function;
    }
}
