package io.streamz.cluster.internal.job;

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

    /**
     * How long the elements applied so far waited for work started ahead of them (a {@link
     * io.streamz.spi.PipelinedFunction} awaiting), which the job leaves out of the function's measured
     * time: waiting in parallel is not work, and counting it would size this step's tasks at one
     * element each, where the wait would be paid per element again.
     */
    default long waitedNanos() {
        return 0;
    }
}
