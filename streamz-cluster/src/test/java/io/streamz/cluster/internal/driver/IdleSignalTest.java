package io.streamz.cluster.internal.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
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

    @Test
    void abandoningFailsWhatWaitedOutsideTheLockThenSignalsIdle() {
        busy = true;
        CompletableFuture<Void> idle = signal.await();
        Handle output = new Handle();
        List<Item> waiting = new ArrayList<>(List.of(new Item(Handle.inline(1, new byte[0]), output)));
        AtomicBoolean failedUnderLock = new AtomicBoolean(true);
        output.ready().whenComplete((ignored, error) -> failedUnderLock.set(Thread.holdsLock(lock)));
        IllegalStateException closed = new IllegalStateException("closed");

        signal.abandon(() -> {
            assertTrue(Thread.holdsLock(lock), "what waits is taken under the dispatcher's lock");
            List<Item> all = new ArrayList<>(waiting);
            waiting.clear();
            busy = false;
            return all;
        }, closed);

        assertEquals(closed, output.failure());
        assertFalse(failedUnderLock.get(), "the element's consumers run outside the dispatcher's lock");
        assertTrue(idle.isDone());
    }
}
