package io.streamz.cluster.internal.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamz.cluster.ClusterUnavailableException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BytesInFlightTest {
    private static final long LIMIT = 100;
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final AtomicBoolean closed = new AtomicBoolean();
    private final BytesInFlight inFlight = new BytesInFlight(() -> {
        if (closed.get()) {
            throw new ClusterUnavailableException("test-cluster is closed", null);
        }
    }, LIMIT);

    /** An emitter admitting {@code size} bytes on a thread of its own; {@link #failure} is what it threw. */
    private static final class Emitter extends Thread {
        private final BytesInFlight inFlight;
        private final long size;
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final AtomicBoolean interruptedAfter = new AtomicBoolean();

        Emitter(BytesInFlight inFlight, long size) {
            this.inFlight = inFlight;
            this.size = size;
            setDaemon(true);
        }

        @Override
        public void run() {
            try {
                inFlight.admit(size);
            } catch (RuntimeException e) {
                failure.set(e);
                interruptedAfter.set(Thread.currentThread().isInterrupted());
            }
        }

        /** Starts it and returns once it waits for room. */
        Emitter startWaiting() {
            start();
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (getState() != State.TIMED_WAITING) {
                assertTrue(isAlive() && System.nanoTime() < deadline, "the emitter did not wait: " + failure.get());
                Thread.onSpinWait();
            }
            return this;
        }

        void awaitEnd() throws InterruptedException {
            join(PATIENCE.toMillis());
            assertFalse(isAlive(), "the emitter is still waiting");
        }
    }

    @Test
    void elementsAreAdmittedWithoutWaitingWhileNoMoreThanTheLimitIsInFlight() {
        inFlight.admit(60);
        inFlight.admit(40);
        inFlight.admit(30); // 100 in flight is not more than the limit: this one is taken, and goes over it

        assertEquals(130, inFlight.bytes());
    }

    @Test
    void overTheLimitAnEmitterWaitsUntilAnAnswerReleasesEnough() throws InterruptedException {
        inFlight.admit(150);
        Emitter emitter = new Emitter(inFlight, 10).startWaiting();

        inFlight.release(40);
        assertTrue(emitter.isAlive(), "110 bytes are still more than the limit");
        inFlight.release(110);

        emitter.awaitEnd();
        assertNull(emitter.failure.get());
        assertEquals(10, inFlight.bytes());
    }

    @Test
    void aCallbackThreadCompletingHandlesNeverWaitsForItIsWhatReleasesTheOthers() {
        inFlight.admit(150);

        Burst.run(() -> inFlight.admit(10));

        assertEquals(160, inFlight.bytes());
    }

    @Test
    void aWaitingEmitterFailsOnceTheClusterIsClosed() throws InterruptedException {
        inFlight.admit(150);
        Emitter emitter = new Emitter(inFlight, 10).startWaiting();

        closed.set(true);

        emitter.awaitEnd();
        assertInstanceOf(ClusterUnavailableException.class, emitter.failure.get());
        assertEquals(150, inFlight.bytes(), "the refused element is not counted");
    }

    @Test
    void anInterruptedEmitterFailsSayingWhatItWaitedForAndKeepsItsInterrupt() throws InterruptedException {
        inFlight.admit(150);
        Emitter emitter = new Emitter(inFlight, 10).startWaiting();

        emitter.interrupt();

        emitter.awaitEnd();
        Throwable failure = emitter.failure.get();
        assertInstanceOf(IllegalStateException.class, failure);
        assertTrue(failure.getMessage().contains("150 bytes in flight (the limit is 100)"), failure.getMessage());
        assertTrue(emitter.interruptedAfter.get());
    }

    @Test
    void everyWayAResultCompletesReleasesTheBytesOfItsInputOnce() {
        Handle present = new Handle();
        Handle absent = new Handle();
        Handle failed = new Handle();
        for (Handle handle : new Handle[] {present, absent, failed}) {
            handle.holdInFlight(inFlight, 20);
        }
        assertEquals(60, inFlight.bytes());

        present.present(null, 0);
        assertEquals(40, inFlight.bytes());
        absent.markAbsent();
        assertEquals(20, inFlight.bytes());
        failed.fail(new IllegalStateException("abandoned: the cluster closed"));
        assertEquals(0, inFlight.bytes());

        failed.fail(new IllegalStateException("failed again"));
        assertEquals(0, inFlight.bytes(), "released once");
    }

    @Test
    void theCountSaysWhatItIs() {
        inFlight.admit(7);

        assertEquals("7 of 100 bytes in flight", inFlight.toString());
    }
}
