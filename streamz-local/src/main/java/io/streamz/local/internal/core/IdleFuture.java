package io.streamz.local.internal.core;

import java.util.concurrent.CompletableFuture;

/**
 * The future an {@code idle()} hands out while its owner is busy: made on the first ask (a quiet
 * owner never makes one), shared by everyone who asks until the owner becomes idle, then taken once
 * to be completed.
 *
 * <p>Not thread-safe by itself: call every method under the owner's lock, which also guards what
 * "busy" means. Complete what {@link #take()} returns after leaving that lock, so that what waits on
 * it never runs under the lock.
 */
public final class IdleFuture {
    private CompletableFuture<Void> waiting;

    /**
     * What {@code idle()} returns: {@link Futures#DONE} when the owner is not {@code busy}, else the
     * future that a later {@link #take()} hands over for completion.
     */
    public CompletableFuture<Void> whenIdle(boolean busy) {
        if (!busy) {
            return Futures.DONE;
        }
        if (waiting == null) {
            waiting = new CompletableFuture<>();
        }
        return waiting;
    }

    /**
     * The owner became idle: the future to complete once out of the lock, or {@code null} when
     * nobody asked since the last take.
     */
    public CompletableFuture<Void> take() {
        CompletableFuture<Void> due = waiting;
        waiting = null;
        return due;
    }

    @Override
    public String toString() {
        return "IdleFuture[" + (waiting == null ? "nobody waits" : "waited on") + "]";
    }
}
