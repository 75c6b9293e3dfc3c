package io.streamz.cluster.internal.driver;

import java.util.concurrent.atomic.LongAdder;

/**
 * The marshalled bytes of elements this driver has handed to cluster steps and that have no answer
 * yet (waiting for a task, or in one), bounded by {@code maxBytesInFlight}: a step takes a new
 * element only while no more than that is in flight, so back pressure reaches {@code emit} and the
 * servers never hold much more of this driver's elements. Each element's bytes are released when its
 * result handle completes ({@link Handle#holdInFlight}), which every handle does (answered, failed,
 * or abandoned on close), so the wait always ends; an answered task releases all of its elements'
 * bytes at once, just before it completes their handles ({@link Tally}). A cluster callback thread completing handles (in a {@link Burst}) never waits
 * here: it is what releases the others. Thread-safe; an element under the limit costs two atomic
 * updates.
 */
public final class BytesInFlight {
    /** How long a waiting emitter sleeps before it looks again, e.g. whether the cluster closed. */
    private static final long RECHECK_MILLIS = 100;

    /** Throws when the cluster is closed: a waiting emitter must not wait for answers that will never come. */
    private final Runnable checkOpen;
    private final long limit;
    /** Striped: the emitter adds per element while callback threads subtract, and one shared word would bounce between them. */
    private final LongAdder bytes = new LongAdder();
    /** Emitters waiting; written under this object's lock. */
    private volatile int waiting;

    /** Bounded by {@code limit}; {@code checkOpen} throws once the cluster is closed. */
    BytesInFlight(Runnable checkOpen, long limit) {
        this.checkOpen = checkOpen;
        this.limit = limit;
    }

    /**
     * Counts an element of {@code size} bytes in flight, once no more than the limit is: blocks the
     * calling (emitting) thread meanwhile, unless it is a callback thread.
     *
     * @throws IllegalStateException when the thread is interrupted (its interrupt flag stays set)
     * @throws io.streamz.cluster.ClusterUnavailableException when the cluster is closed meanwhile
     */
    void admit(long size) {
        if (bytes.sum() > limit && !Burst.active()) {
            awaitRoom();
        }
        bytes.add(size);
    }

    /** The element of {@code size} bytes has its answer. */
    void release(long size) {
        // Read after the write: an emitter that starts waiting now sees the new count, or is counted here.
        bytes.add(-size);
        if (waiting > 0 && bytes.sum() <= limit) {
            synchronized (this) {
                notifyAll();
            }
        }
    }

    private synchronized void awaitRoom() {
        waiting++;
        try {
            while (bytes.sum() > limit) {
                checkOpen.run();
                wait(RECHECK_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while emit waited for the cluster to answer for "
                    + bytes.sum() + " bytes in flight (the limit is " + limit + ")", e);
        } finally {
            waiting--;
        }
    }

    /** The bytes in flight now. */
    long bytes() {
        return bytes.sum();
    }

    @Override
    public String toString() {
        return bytes.sum() + " of " + limit + " bytes in flight";
    }
}
