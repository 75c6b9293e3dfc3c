package io.streamz.local.internal.core;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class IdleFutureTest {
    private final IdleFuture idle = new IdleFuture();

    @Test
    void aQuietOwnerHandsOutTheSharedCompletedFutureAndMakesNone() {
        assertSame(Futures.DONE, idle.whenIdle(false));
        assertNull(idle.take(), "nobody asked while busy: nothing to complete");
    }

    @Test
    void everyoneAskingWhileBusyGetsOneFutureThatTakeHandsOverOnce() {
        CompletableFuture<Void> first = idle.whenIdle(true);
        CompletableFuture<Void> second = idle.whenIdle(true);

        assertSame(first, second);
        assertFalse(first.isDone(), "the owner is still busy");
        assertSame(first, idle.take());
        assertNull(idle.take(), "taken once: a second idle moment has nobody to tell");
        assertFalse(first.isDone(), "the owner completes it, outside its lock");
    }

    @Test
    void askingAgainAfterATakeGivesAFreshFuture() {
        CompletableFuture<Void> before = idle.whenIdle(true);
        idle.take();

        CompletableFuture<Void> after = idle.whenIdle(true);

        assertFalse(before == after, "a taken future belongs to the idle moment it was taken for");
        assertSame(after, idle.take());
    }
}
