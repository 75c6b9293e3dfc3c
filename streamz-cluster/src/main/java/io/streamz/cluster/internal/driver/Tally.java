package io.streamz.cluster.internal.driver;

import java.util.concurrent.atomic.LongAdder;

/**
 * The accounting of the handles one task settles (their bytes in flight, the step's pending count),
 * released in one update each: the emitter adds to those counters per element, and a callback thread
 * subtracting per element as well would pull their cache lines back and forth between the two cores.
 * Not thread-safe: one callback thread settles one task.
 */
final class Tally {
    private BytesInFlight inFlight;
    private long bytes;
    private LongAdder pending;
    private int count;

    /** Takes over {@code size} bytes counted in {@code counter}; a task's handles are all counted in one. */
    void bytes(BytesInFlight counter, long size) {
        inFlight = counter;
        bytes += size;
    }

    /** Takes over one element counted in {@code counter}; a task's handles all belong to one step. */
    void pending(LongAdder counter) {
        pending = counter;
        count++;
    }

    /** Releases what was taken over. */
    void release() {
        if (inFlight != null) {
            inFlight.release(bytes);
        }
        if (pending != null) {
            pending.add(-count);
        }
    }

    @Override
    public String toString() {
        return "Tally[" + bytes + " bytes, " + count + " pending]";
    }
}
