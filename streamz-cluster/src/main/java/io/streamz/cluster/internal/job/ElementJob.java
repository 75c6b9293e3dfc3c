package io.streamz.cluster.internal.job;


/**
 * A batch of elements of one element-wise cluster step (map, filter, starmap; or of a chain of them
 * run fused, a {@link FusedOp}), run on the node that holds its partition: reads the inputs, applies
 * the function to each element (an exception, or running longer than the task timeout, fails that
 * element only: see {@link ElementWatch}), stores the outcomes under its output key in the same
 * partition (see {@link BatchIo}) (or returns them, when only a gather
 * reads them), then removes the input batches it was told it consumes.
 * Idempotent: a re-run after a failover whose first run already consumed its inputs answers from
 * the stored outcomes (a job returning its values consumes none, the driver removes them).
 */
public final class ElementJob extends ClusterJob {
    private static final long serialVersionUID = 1L;

    private final ShippedOp<ElementOp> op;
    private final BatchIo io;

    public ElementJob(ShippedOp<ElementOp> op, BatchIo io) {
        this.op = op;
        this.io = io;
    }

    @Override
    public JobResult call() {
        JobSite site = site();
        Object[] values;
        try {
            values = io.resolve(site);
        } catch (MissingInputException missing) {
            return replay(site, missing);
        }
        Outcomes out = op.outcomes(values.length);
        long nanos = BatchApply.run(site.function(op), values, site, io.limit(), out);
        // Stored also when nothing is present if the inputs go away, so that a re-run can answer.
        boolean stored = (out.anyPresent() || io.consumesInputs()) && io.store(site, out);
        return io.answer(site, out, nanos, stored);
    }

    private JobResult replay(JobSite site, MissingInputException missing) {
        byte[] previous = io.stored(site);
        if (previous == null) {
            throw missing;
        }
        // Stored outcomes are never returned: a batch whose values come back has no output key.
        return io.answer(site, site.codec.decode(previous), 0, true);
    }
}
