package io.streamz.cluster.internal.job;

import io.streamz.function.SupplierEx;

/**
 * One read of a source that reads on the cluster (e.g. a range of a Kafka partition), run on the
 * server that holds its partition: gets one element from {@code read} there and stores it under
 * {@code outputKey} in that partition, as a one-element batch of results (or returns it, when only a
 * gather reads it), so that the element reaches the next step without crossing the driver. An
 * exception from {@code read} fails the job. Idempotent as long as {@code read} is: a re-run after a
 * failover reads and stores the same element again. A read that supplies {@code null} read nothing
 * for the pipeline (e.g. a Kafka range of tombstones only): the answer holds no element at all
 * ({@link JobResult#size()} is 0) and nothing is stored.
 *
 * <p>Given a {@code chain} (the element-wise cluster steps right after the source, fused: see the
 * stream package's {@code FusedSteps}), the job applies it to the element it read, as a job of those
 * steps would (under the task timeout, an exception failing the element, a filter leaving it absent),
 * and stores only the chain's outcome: the element read is never stored, so it is not held to {@code
 * maxBytes}; the outcome is. A re-run after a failover then reads and applies the chain again: a step
 * with side effects in it (a cluster {@code toKafkaEach}) may have them twice, at least once as when
 * it runs as a step of its own.
 */
public final class ReadJob extends ClusterJob {
    private static final long serialVersionUID = 1L;

    private final SupplierEx<?> read;
    /** The steps applied to the element read, or {@code null}: the element is the outcome. */
    private final ShippedOp<ElementOp> chain;
    /** The task timeout of {@code chain}'s functions; {@code null} without a chain. */
    private final TaskLimit limit;
    /** Where the outcome is stored; {@code null} when it is returned or nobody reads it. */
    private final Object outputKey;
    private final boolean returnValues;
    private final long maxBytes;

    /** A job storing what {@code read} supplies, failing it when larger than {@code maxBytes} marshalled. */
    public ReadJob(SupplierEx<?> read, Object outputKey, boolean returnValues, long maxBytes) {
        this(read, null, null, outputKey, returnValues, maxBytes);
    }

    /**
     * A job storing what {@code chain} makes of what {@code read} supplies, each of its functions held
     * to {@code limit}; without a chain ({@code null}s), as above.
     */
    public ReadJob(SupplierEx<?> read, ShippedOp<ElementOp> chain, TaskLimit limit, Object outputKey, boolean returnValues,
                   long maxBytes) {
        this.read = read;
        this.chain = chain;
        this.limit = limit;
        this.outputKey = outputKey;
        this.returnValues = returnValues;
        this.maxBytes = maxBytes;
    }

    @Override
    public JobResult call() throws Exception {
        JobSite site = site();
        long start = System.nanoTime();
        Object element = read.getEx();
        long nanos = System.nanoTime() - start;
        if (element == null) {
            return new Outcomes(0, maxBytes).result(nanos, false, returnValues, site.codec);
        }
        Outcomes out;
        if (chain == null) {
            out = new Outcomes(1, maxBytes);
            out.present(0, element);
        } else {
            out = chain.outcomes(1);
            nanos += BatchApply.run(site.function(chain), new Object[] {element}, site, limit, out);
        }
        boolean stored = outputKey != null && out.anyPresent();
        if (stored) {
            site.data.put(outputKey, out.encoded(site.codec));
        }
        return out.result(nanos, stored, returnValues, site.codec);
    }

    @Override
    public String toString() {
        return "ReadJob[" + read + (chain == null ? "" : " then " + limit) + "]";
    }
}
