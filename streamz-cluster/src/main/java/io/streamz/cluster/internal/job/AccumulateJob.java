package io.streamz.cluster.internal.job;

import org.apache.ignite.IgniteCache;

/**
 * A batch of consecutive elements of a cluster {@code accumulate}, run on the node holding its state
 * (the driver sends one batch at a time, in emit order). Elements carry sequence numbers
 * {@code firstSeq, firstSeq+1, ...}; the state entry records the last one applied together with that
 * batch's outcomes, and is written after the outcomes are stored, so a re-run after a failover either
 * recomputes a batch that never reached the state or answers as its first run did: no element is
 * applied twice. An element whose function fails or runs longer than the task timeout (see
 * {@link ElementWatch}) leaves the state as it was; a batch given up because the function ignored the
 * interrupt is recorded as applied, all failed, with the state as before it. The driver also sends the
 * sequence number of the last element it saw applied: a state missing after that means the state was
 * lost (every server holding it stopped), and the job fails with {@link StateLostException} instead of
 * starting again from the start value.
 *
 * <p>Elements of a durable accumulate may also carry their input record's position ({@link
 * RecordPositions}): those are applied once per record across drivers too ({@link AppliedRecords}), a
 * record read again after a driver's restart answering the outcome its first application had.
 */
public final class AccumulateJob extends StatefulJob {
    private static final long serialVersionUID = 1L;

    private final Object stateKey;
    private final long firstSeq;
    /** The last sequence number the driver saw applied; 0 when none was, so no state is expected yet. */
    private final long confirmedSeq;
    /** The input records of the elements, or {@code null} when none has a position. */
    private final RecordPositions positions;

    public AccumulateJob(ShippedOp<AccumulateOp> op, Object stateKey, long firstSeq, long confirmedSeq, BatchIo io,
                         String stateCache, RecordPositions positions) {
        super(op, io, stateCache);
        this.stateKey = stateKey;
        this.firstSeq = firstSeq;
        this.confirmedSeq = confirmedSeq;
        this.positions = positions;
    }

    @Override
    JobResult run(JobSite site, IgniteCache<Object, byte[]> states, AccumulateOp function) {
        Codec codec = site.codec;
        byte[] stored = states.get(stateKey);
        if (stored == null && confirmedSeq > 0) {
            throw new StateLostException(confirmedSeq);
        }
        AccumulateState state = stored == null ? function.initial() : codec.decode(stored);
        long lastSeq = firstSeq + io.size() - 1;
        if (state.lastSeq() >= lastSeq) {
            return replay(state, site);
        }
        Object[] values = io.resolve(site);
        Outcomes out = op.outcomes(values.length);
        long start = System.nanoTime();
        AppliedRecords records = positions == null ? null : state.records();
        AccumulateState before = state;
        AccumulateState[] current = {state};
        // An element that failed or timed out leaves the state as it was; a record applied before is not applied again.
        site.applyEach(values.length, io.limit(), () -> giveUp(before, lastSeq, states, codec), out,
                i -> replayed(records, out, i) ? current[0] : function.apply(current[0], values[i], out, i),
                (i, next) -> current[0] = next);
        recordApplied(records, out);
        long nanos = System.nanoTime() - start;
        boolean outcomesStored = io.store(site, out);
        states.put(stateKey, codec.encode(current[0].applied(lastSeq, out)));
        return io.answer(site, out, nanos, outcomesStored);
    }

    /** Whether element {@code i} is a record applied before: then its stored outcome is in {@code out}. */
    private boolean replayed(AppliedRecords records, Outcomes out, int i) {
        String partition = records == null ? null : positions.partition(i);
        if (partition == null || !records.applied(partition, positions.offset(i))) {
            return false;
        }
        records.replay(partition, positions.offset(i), out, i);
        return true;
    }

    /** Notes the records of this batch as applied with their outcomes, and forgets those committed. */
    private void recordApplied(AppliedRecords records, Outcomes out) {
        if (records == null) {
            return;
        }
        for (int i = 0; i < io.size(); i++) {
            String partition = positions.partition(i);
            if (partition != null) {
                records.record(partition, positions.offset(i), out, i);
            }
        }
        records.prune(positions.committedBelow());
    }

    /**
     * The function ignored the interrupt and the driver is about to fail this batch: records it as
     * applied with every element failed and the state as before, so that the next batch follows on
     * (this job, when the function returns at last, writes nothing).
     */
    private void giveUp(AccumulateState before, long lastSeq, IgniteCache<Object, byte[]> states, Codec codec) {
        Outcomes failed = allIgnoredInterrupt(io.size());
        // The records stay applied, failed: their failure was reported.
        recordApplied(positions == null ? null : before.records(), failed);
        states.put(stateKey, codec.encode(before.applied(lastSeq, failed)));
    }

    private JobResult replay(AccumulateState state, JobSite site) {
        if (state.lastSeq() != firstSeq + io.size() - 1 || state.lastOutcomes() == null) {
            throw new IllegalStateException("accumulate applied elements up to " + state.lastSeq()
                    + " already, past this batch of " + firstSeq + ".." + (firstSeq + io.size() - 1));
        }
        return io.answer(site, state.lastOutcomes(), 0, io.storesOutcomes());
    }
}
