package io.streamz.cluster.internal.job;

import java.io.Serializable;

/**
 * The state of a cluster {@code accumulate}, as stored (with a backup) in the state cache, with the
 * sequence number of the last element applied and the outcomes of the last batch: a job re-run after
 * a failover finds its batch applied already and answers with those outcomes instead of applying the
 * elements twice. A durable accumulate fed records with positions also keeps {@link AppliedRecords}, so
 * that a record read again by a restarted driver is not applied twice either.
 */
final class AccumulateState implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Object state;
    private final boolean hasState;
    private final long lastSeq;
    private final Outcomes lastOutcomes;
    /** The input records applied, of a durable accumulate fed records with positions; {@code null} until one is. */
    private AppliedRecords records;

    AccumulateState(Object state, boolean hasState, long lastSeq, Outcomes lastOutcomes) {
        this(state, hasState, lastSeq, lastOutcomes, null);
    }

    private AccumulateState(Object state, boolean hasState, long lastSeq, Outcomes lastOutcomes, AppliedRecords records) {
        this.state = state;
        this.hasState = hasState;
        this.lastSeq = lastSeq;
        this.lastOutcomes = lastOutcomes;
        this.records = records;
    }

    Object state() {
        return state;
    }

    boolean hasState() {
        return hasState;
    }

    long lastSeq() {
        return lastSeq;
    }

    Outcomes lastOutcomes() {
        return lastOutcomes;
    }

    /**
     * The input records applied, made empty on first use. Shared by every state derived from this one
     * (states of one job, on its thread): the job records its batch's records once it applied them.
     */
    AppliedRecords records() {
        if (records == null) {
            records = new AppliedRecords();
        }
        return records;
    }

    AccumulateState with(Object newState) {
        return new AccumulateState(newState, true, lastSeq, lastOutcomes, records);
    }

    /** The state after a batch whose last element had sequence number {@code seq}. */
    AccumulateState applied(long seq, Outcomes outcomes) {
        return new AccumulateState(state, hasState, seq, outcomes, records);
    }
}
