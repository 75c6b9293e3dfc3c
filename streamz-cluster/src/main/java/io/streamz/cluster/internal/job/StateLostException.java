package io.streamz.cluster.internal.job;

/**
 * An accumulate job found no state although the driver saw its elements applied (for
 * {@code accumulateByKey}: an element of that key): every server holding the state (and its backup)
 * stopped. The driver turns it into a {@code ClusterStateLostException}
 * naming the step.
 */
public final class StateLostException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    StateLostException(long confirmedSeq) {
        super(afterApplied(Sequences.withinRun(confirmedSeq)));
    }

    private static String afterApplied(long applied) {
        return "after " + applied + (applied == 1 ? " element" : " elements")
                + " applied, the state is no longer in the cluster's state cache";
    }

    private StateLostException(String message) {
        super(message);
    }

    /** The whole cache of the state is gone from the cluster. */
    static StateLostException cacheGone(String cache) {
        return new StateLostException("the cache " + cache + " is no longer in the cluster, and every state it held with it");
    }

    /** The state of one key of an {@code accumulateByKey}. */
    StateLostException() {
        super("after elements of this key were applied, its state is no longer in the cluster's state cache");
    }
}
