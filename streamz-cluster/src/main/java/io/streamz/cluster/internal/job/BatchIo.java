package io.streamz.cluster.internal.job;

import java.io.Serializable;

/**
 * What a job of a batch of elements reads and where its outcomes go, whichever step it runs: the
 * elements' inputs, the key its outcomes are stored under (or none: they come back with the answer,
 * or nobody reads them), the input batches it consumes (removes once its outcomes are safe) and its
 * task's time limit. Made on the driver from the task's plan and shipped in the job; its methods run
 * on the job's thread.
 */
public final class BatchIo implements Serializable {
    private static final long serialVersionUID = 1L;

    private final JobInputs inputs;
    /** Where the outcomes are stored; {@code null} when they are returned or nobody reads them. */
    private final Object outputKey;
    private final boolean returnValues;
    private final Object[] consumed;
    private final TaskLimit limit;

    public BatchIo(JobInputs inputs, Object outputKey, boolean returnValues, Object[] consumed, TaskLimit limit) {
        this.inputs = inputs;
        this.outputKey = outputKey;
        this.returnValues = returnValues;
        this.consumed = consumed;
        this.limit = limit;
    }

    /** How many elements the batch has. */
    int size() {
        return inputs.size();
    }

    TaskLimit limit() {
        return limit;
    }

    /**
     * The values of the elements, in order.
     *
     * @throws MissingInputException when a stored input batch is gone (a re-run after its first run consumed it)
     */
    Object[] resolve(JobSite site) {
        return inputs.resolve(site.data, site.codec);
    }

    /** Whether the outcomes are stored on the cluster (rather than returned, or read by nobody). */
    boolean storesOutcomes() {
        return outputKey != null;
    }

    /** Whether the job removes input batches: then a re-run finds them gone and must answer from what it stored. */
    boolean consumesInputs() {
        return consumed.length > 0;
    }

    /** Stores {@code out} under the output key, when there is one; returns whether it did. */
    boolean store(JobSite site, Outcomes out) {
        if (outputKey == null) {
            return false;
        }
        site.data.put(outputKey, out.encoded(site.codec));
        return true;
    }

    /** The outcomes a first run of this job stored, or {@code null} when none are stored. */
    byte[] stored(JobSite site) {
        return outputKey == null ? null : site.data.get(outputKey);
    }

    /**
     * The job is done with {@code out} (whose outcomes {@code stored} says are stored): removes the
     * input batches it consumes, then gives the answer, which carries the values when they are returned.
     */
    JobResult answer(JobSite site, Outcomes out, long nanos, boolean stored) {
        site.removeConsumed(consumed);
        return out.result(nanos, stored, returnValues, site.codec);
    }
}
