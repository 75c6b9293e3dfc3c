package io.streamz.cluster.ignite.driver;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class IdleSignalTest {
    private final Object lock = new Object();
    private boolean busy;
    private final IdleSignal signal = new IdleSignal(lock, () -> busy);

    @Test
    void aDispatcherWithNothingWaitingIsIdleAtOnce() {
        assertTrue(signal.await().isDone());
    }

    @Test
    void aBusyDispatcherIsIdleOnlyOnceItIsNotBusyAndSignals() {
        busy = true;
        CompletableFuture<Void> idle = signal.await();

        signal.signalIfIdle();
        assertFalse(idle.isDone(), "still busy");

        busy = false;
        assertFalse(idle.isDone(), "nothing signalled yet");
        signal.signalIfIdle();
        assertTrue(idle.isDone());
    }

    @Test
    void everyoneWaitingMeanwhileGetsTheSameFuture() {
        busy = true;

        assertSame(signal.await(), signal.await());
    }

    @Test
    void whatWaitsForIdleRunsOutsideTheDispatchersLock() {
        busy = true;
        AtomicBoolean heldLock = new AtomicBoolean(true);
        signal.await().thenRun(() -> heldLock.set(Thread.holdsLock(lock)));

        busy = false;
        signal.signalIfIdle();

        assertFalse(heldLock.get(), "a waiter taking other locks under the dispatcher's could deadlock");
    }

    @Test
    void aDispatcherBusyAgainAfterASignalHandsOutANewFuture() {
        busy = true;
        CompletableFuture<Void> first = signal.await();
        busy = false;
        signal.signalIfIdle();
        busy = true;

        CompletableFuture<Void> second = signal.await();

        assertTrue(first.isDone());
        assertFalse(second.isDone());
    }
}
