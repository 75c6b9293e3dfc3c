package io.streamz.cluster.internal.job;

import org.apache.ignite.IgniteCache;

/**
 * What the two accumulate jobs ({@link AccumulateJob}, {@link KeyedAccumulateJob}) share: the
 * accumulate function, the batch's inputs and outputs, the cache holding its state, and the start of
 * every run (the caches and function on the server it runs on). Each subclass decides how it reads,
 * applies and writes its state entries.
 */
abstract class StatefulJob extends ClusterJob {
    private static final long serialVersionUID = 1L;

    final ShippedOp<AccumulateOp> op;
    final BatchIo io;
    /** The cache holding the states: {@link Caches#STATE}, or {@link Caches#DURABLE} for a named state. */
    private final String stateCache;

    StatefulJob(ShippedOp<AccumulateOp> op, BatchIo io, String stateCache) {
        this.op = op;
        this.io = io;
        this.stateCache = stateCache;
    }

    /** On the Ignite job thread of the server it runs on. */
    @Override
    public final JobResult call() {
        JobSite site = site();
        return run(site, site.states(stateCache), site.function(op));
    }

    /** Applies the batch with {@code function} to the states in {@code states}; on the job thread. */
    abstract JobResult run(JobSite site, IgniteCache<Object, byte[]> states, AccumulateOp function);

    /**
     * The outcomes of a batch of {@code size} given up because the function ignored the interrupt:
     * every element failed with the task limit's exception.
     */
    final Outcomes allIgnoredInterrupt(int size) {
        Outcomes failed = op.outcomes(size);
        for (int i = 0; i < size; i++) {
            failed.failed(i, io.limit().ignoredInterrupt());
        }
        return failed;
    }
}
