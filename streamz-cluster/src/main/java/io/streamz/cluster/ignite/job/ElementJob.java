package io.streamz.cluster.ignite.job;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.apache.ignite.Ignite;
import org.apache.ignite.lang.IgniteCallable;
import org.apache.ignite.resources.IgniteInstanceResource;

/**
 * A batch of elements of one element-wise cluster step (map, filter, starmap; or of a chain of them
 * run fused, a {@link FusedOp}), run on the node that holds its partition: reads the inputs, applies
 * the function to each element (an exception, or running longer than the task timeout, fails that
 * element only: see {@link ElementWatch}), stores
 * the outcomes under {@code outputKey} in the same partition (or returns them, when only a gather
 * reads them), then removes the input batches it was told it consumes.
 * Idempotent: a re-run after a failover whose first run already consumed its inputs answers from
 * the stored outcomes (a job returning its values consumes none, the driver removes them).
 */
public final class ElementJob implements IgniteCallable<JobResult> {
    private static final long serialVersionUID = 1L;

    private final ShippedOp<ElementOp> op;
    private final JobInputs inputs;
    /** Where the outcomes are stored; {@code null} when they are returned or nobody reads them. */
    private final Object outputKey;
    private final boolean returnValues;
    private final Object[] consumed;
    private final TaskLimit limit;

    @IgniteInstanceResource
    private transient Ignite ignite;

    public ElementJob(ShippedOp<ElementOp> op, JobInputs inputs, Object outputKey, boolean returnValues, Object[] consumed,
                      TaskLimit limit) {
        this.op = op;
        this.inputs = inputs;
        this.outputKey = outputKey;
        this.returnValues = returnValues;
        this.consumed = consumed;
        this.limit = limit;
    }

    @Override
    public JobResult call() {
        JobSite site = new JobSite(ignite, getClass());
        Object[] values;
        try {
            values = inputs.resolve(site.data, site.codec);
        } catch (MissingInputException missing) {
            return replay(site, missing);
        }
        Outcomes out = op.outcomes(values.length);
        long nanos = BatchApply.run(site.function(op), values, site, limit, out);
        // Stored also when nothing is present if the inputs go away, so that a re-run can answer.
        boolean stored = outputKey != null && (out.anyPresent() || consumed.length > 0);
        if (stored) {
            site.data.put(outputKey, out.encoded(site.codec));
        }
        site.removeConsumed(consumed);
        return out.result(nanos, stored, returnValues, site.codec);
    }

    private JobResult replay(JobSite site, MissingInputException missing) {
        byte[] previous = outputKey == null ? null : site.data.get(outputKey);
        if (previous == null) {
            throw missing;
        }
        site.removeConsumed(consumed);
        Outcomes out = site.codec.decode(previous);
        return out.result(0, true, false, site.codec);
    }

    // Custom serialization makes Ignite write this class with its optimized marshaller, which keeps no
    // cluster-wide schema of it: a server that met another streamz version of it still accepts this one.
    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
    }
}
