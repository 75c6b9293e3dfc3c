package io.streamz.cluster.internal.job;

import io.streamz.spi.PipelinedFunction;

/**
 * A cluster {@code map} over one job's batch whose function is a {@link PipelinedFunction}: made on
 * the job's thread, it starts every element first, in order; then {@link #apply} awaits each one. A
 * start that failed fails its element when it is applied, so that the failure is recorded in order
 * with the others. Used on the job's thread only, never shipped.
 */
final class StartedBatch implements ElementOp {
    private static final long serialVersionUID = 1L;
    private final transient PipelinedFunction<Object, Object, Object> function;
    private final transient Object[] started;
    private final transient Exception[] failed;
    private transient long waited;

    StartedBatch(PipelinedFunction<Object, Object, Object> function, Object[] values) {
        this.function = function;
        this.started = new Object[values.length];
        this.failed = new Exception[values.length];
        for (int i = 0; i < values.length; i++) {
            try {
                started[i] = function.start(values[i]);
            } catch (Exception e) {
                failed[i] = e;
            }
        }
    }

    @Override
    public void apply(Object x, Outcomes out, int i) throws Exception {
        if (failed[i] != null) {
            throw failed[i];
        }
        long start = System.nanoTime();
        Object result;
        try {
            result = function.await(x, started[i]);
        } finally {
            waited += System.nanoTime() - start;
        }
        out.present(i, result);
    }

    @Override
    public long waitedNanos() {
        return waited;
    }

    @Override
    public Object function() {
        return function;
    }

    @Override
    public String toString() {
        return "<started batch of " + started.length + ": " + function + ">";
    }
}
