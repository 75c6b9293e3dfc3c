package io.streamz.cluster.ignite.job;

import java.io.Serializable;

/**
 * The state of a cluster {@code accumulate}, as stored (with a backup) in the state cache, with the
 * sequence number of the last element applied and the outcomes of the last batch: a job re-run after
 * a failover finds its batch applied already and answers with those outcomes instead of applying the
 * elements twice.
 */
final class AccumulateState implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Object state;
    private final boolean hasState;
    private final long lastSeq;
    private final Outcomes lastOutcomes;

    AccumulateState(Object state, boolean hasState, long lastSeq, Outcomes lastOutcomes) {
        this.state = state;
        this.hasState = hasState;
        this.lastSeq = lastSeq;
        this.lastOutcomes = lastOutcomes;
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

    AccumulateState with(Object newState) {
        return new AccumulateState(newState, true, lastSeq, lastOutcomes);
    }

    /** The state after a batch whose last element had sequence number {@code seq}. */
    AccumulateState applied(long seq, Outcomes outcomes) {
        return new AccumulateState(state, hasState, seq, outcomes);
    }
}
