package io.streamz.cluster.ignite.job;

import java.io.Serializable;

/** What a cluster step does to one element (map, filter, starmap), shipped to servers inside jobs. */
public interface ElementOp extends Serializable {
    /** Applies the user function to {@code x} and records the outcome as element {@code i} of {@code out}. */
    void apply(Object x, Outcomes out, int i) throws Exception;

    /** The user function, for the serializability check and {@code toString()}. */
    Object function();

    /**
     * What to apply to the elements {@code values} of one job, told them before the first: this op,
     * unless it can start them all ahead (a {@code map} of a {@link io.streamz.spi.PipelinedFunction}).
     * On the job's thread.
     */
    default ElementOp forBatch(Object[] values) {
        return this;
    }
}
