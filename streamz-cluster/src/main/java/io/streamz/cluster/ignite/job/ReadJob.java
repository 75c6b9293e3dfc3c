package io.streamz.cluster.ignite.job;

import io.streamz.function.SupplierEx;

/**
 * One read of a source that reads on the cluster (e.g. a range of a Kafka partition), run on the
 * server that holds its partition: gets one element from {@code read} there and stores it under
 * {@code outputKey} in that partition, as a one-element batch of results (or returns it, when only a
 * gather reads it), so that the element reaches the next step without crossing the driver. An
 * exception from {@code read} fails the job. Idempotent as long as {@code read} is: a re-run after a
 * failover reads and stores the same element again. A read that supplies {@code null} read nothing
 * for the pipeline (e.g. a Kafka range of tombstones only): its element is absent and nothing is stored.
 */
public final class ReadJob extends ClusterJob {
    private static final long serialVersionUID = 1L;

    private final SupplierEx<?> read;
    /** Where the element is stored; {@code null} when it is returned or nobody reads it. */
    private final Object outputKey;
    private final boolean returnValues;
    private final long maxBytes;

    /** A job storing what {@code read} supplies, failing it when larger than {@code maxBytes} marshalled. */
    public ReadJob(SupplierEx<?> read, Object outputKey, boolean returnValues, long maxBytes) {
        this.read = read;
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
        Outcomes out = new Outcomes(1, maxBytes);
        if (element == null) {
            out.absent(0);
            return out.result(nanos, false, returnValues, site.codec);
        }
        out.present(0, element);
        boolean stored = outputKey != null;
        if (stored) {
            site.data.put(outputKey, out.encoded(site.codec));
        }
        return out.result(nanos, stored, returnValues, site.codec);
    }

    @Override
    public String toString() {
        return "ReadJob[" + read + "]";
    }
}
