package io.streamz.cluster.internal.driver;

/**
 * How many consumers (cluster steps, gathers) will read each result of one producing step, counted
 * when the pipeline is built: a stored batch is removed once every consumer has read each of its
 * elements. Behind {@code slidingWindow} or {@code latest} a handle may be read any number of times
 * (or never), so the count is unknown and the batch is removed once the driver holds no handle to it.
 */
public final class Uses {
    public static final int UNKNOWN = -1;

    private int consumers;
    private boolean unknown;
    private boolean gathersOnly = true;
    /** Why no consumer may be attached any more, or {@code null} while they may. */
    private String refusal;

    /**
     * A consumer was attached: a {@code gather} or a step; {@code multiplied} behind a window or latest.
     *
     * @throws IllegalStateException after {@link #refuseMore}, with its message
     */
    public synchronized void add(boolean gather, boolean multiplied) {
        if (refusal != null) {
            throw new IllegalStateException(refusal);
        }
        if (multiplied) {
            unknown = true;
        } else {
            consumers++;
        }
        gathersOnly &= gather;
    }

    /**
     * From now on {@link #add} refuses a consumer with {@code why} (saying what to do): the results
     * these uses count are no longer made for new consumers (a read fused with the steps after it).
     */
    public synchronized void refuseMore(String why) {
        refusal = why;
    }

    /** Consumers per element, or {@link #UNKNOWN}. */
    public synchronized int count() {
        return unknown ? UNKNOWN : consumers;
    }

    /** Whether a single gather reads every result, so that it may fetch them as soon as they exist. */
    public synchronized boolean onlyOneGather() {
        return !unknown && consumers == 1 && gathersOnly;
    }
}
