package io.streamz.local.internal.core;

import java.util.concurrent.atomic.LongAdder;

/**
 * The counters of one node while metrics are on ({@link Metering#on()}): elements received and
 * emitted, exceptions its {@code update} threw, and the time spent in it. Written on whichever thread
 * delivers an element (adders, so concurrent emitters do not contend); read by any thread.
 *
 * <p>Time is measured around the node's {@code update}, so it includes the synchronous work the
 * element triggers downstream (elements travel depth-first on the emitting thread). Only one
 * element in {@value #SAMPLE_EVERY} is timed: reading the clock twice per hop cost more than all the
 * counting together (about 200 ns per element over five nodes against 50).
 */
public final class NodeMetrics {
    /** The exception last counted on this thread, so a failure is counted at the node that threw it only. */
    private static final ThreadLocal<Throwable> LAST_COUNTED = new ThreadLocal<>();

    private final LongAdder received = new LongAdder();
    private final LongAdder emitted = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder nanos = new LongAdder();
    private final LongAdder timed = new LongAdder();
    /** Picks the elements to time; racy on purpose (a lost increment only shifts the sample). */
    private int tick;

    /** One element in this many is timed. */
    public static final int SAMPLE_EVERY = 64;

    NodeMetrics() {
    }

    /** Elements this node received (from upstreams, or emitted at it by a caller). */
    public long received() {
        return received.sum();
    }

    /** Elements this node passed downstream (once per element, whatever the number of downstreams). */
    public long emitted() {
        return emitted.sum();
    }

    /** Exceptions thrown by this node's {@code update} (its user function failing, typically). */
    public long errors() {
        return errors.sum();
    }

    /**
     * Nanoseconds spent in this node's {@code update}, downstream work included: estimated from the
     * timed elements (the mean of those times the elements received).
     */
    public long nanos() {
        long sampled = timed.sum();
        return sampled == 0 ? 0 : Math.round((double) nanos.sum() / sampled * received.sum());
    }

    /** Whether to time this element. */
    boolean sampleNow() {
        return (++tick & (SAMPLE_EVERY - 1)) == 1;
    }

    void countReceived() {
        received.increment();
    }

    void countEmitted() {
        emitted.increment();
    }

    void countTime(long elapsedNanos) {
        nanos.add(elapsedNanos);
        timed.increment();
    }

    /**
     * Counts {@code failure} unless a node downstream already counted it: it propagates up through
     * every upstream's delivery, and only the innermost one, where it was thrown, should count it.
     */
    void countFailure(Throwable failure) {
        if (LAST_COUNTED.get() != failure) {
            LAST_COUNTED.set(failure);
            errors.increment();
        }
    }
}
