package io.streamz.cluster.internal.job;

/**
 * The sequence numbers of an accumulate's elements, which its jobs compare with the state's last one
 * so that a re-run never applies an element twice. A named state outlives the driver that numbered its
 * elements, so each claim of the name starts a new run: the run number in the high bits, the element's
 * number within the run in the low {@value #RUN_BITS} bits, so every element of a later run is past
 * every element of the earlier ones. Unnamed states have one run, run 0. Stateless.
 */
public final class Sequences {
    /** Bits of the number within a run: 10^12 elements per run, 2^23 runs. */
    public static final int RUN_BITS = 40;

    private Sequences() {
    }

    /** The number just before the first element of run {@code run}. */
    public static long before(long run) {
        return run << RUN_BITS;
    }

    /** How many elements of its run come up to {@code seq}. */
    static long withinRun(long seq) {
        return seq & ((1L << RUN_BITS) - 1);
    }
}
