package io.streamz.cluster.internal.job;

/**
 * Applies an element-wise op to the elements of one job: each element under the task timeout
 * ({@link JobSite#applyEach}), a {@link FusedOp} stage by stage. On the job's thread. Stateless.
 */
final class BatchApply {
    private BatchApply() {
    }

    /**
     * Applies {@code op} to {@code values}, element {@code i}'s outcome into {@code out} at {@code i};
     * returns the nanoseconds the functions worked (time spent awaiting work started ahead left out,
     * see {@link ElementOp#waitedNanos}).
     *
     * @throws io.streamz.cluster.ClusterTaskTimeoutException when a function ignored the interrupt (see {@link JobSite#applyEach})
     */
    static long run(ElementOp op, Object[] values, JobSite site, TaskLimit limit, Outcomes out) {
        if (op instanceof FusedOp fused) {
            return fused.applyStages(values, site, limit, out);
        }
        long start = System.nanoTime();
        ElementOp function = op.forBatch(values);
        // A task given up by the watch fails on the driver, which removes what it consumed.
        site.applyEach(values.length, limit, () -> { }, out, i -> function.apply(values[i], out, i));
        return System.nanoTime() - start - function.waitedNanos();
    }
}
