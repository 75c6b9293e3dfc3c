package io.streamz.cluster.ignite.driver;

import java.util.concurrent.CompletableFuture;

/**
 * The future a dispatcher's {@code idle()} hands out: completed once the dispatcher has nothing
 * waiting or in flight. Both methods are called under the dispatcher's lock; the future is
 * completed outside it, so that what waits on it never runs under that lock.
 */
final class IdleSignal {
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private CompletableFuture<Void> waiting;

    /** What {@code idle()} returns, given whether the dispatcher is busy now. */
    CompletableFuture<Void> await(boolean busy) {
        if (!busy) {
            return DONE;
        }
        if (waiting == null) {
            waiting = new CompletableFuture<>();
        }
        return waiting;
    }

    /** The future to complete now that the dispatcher may be idle, or {@code null} when none is due. */
    CompletableFuture<Void> release(boolean busy) {
        if (busy || waiting == null) {
            return null;
        }
        CompletableFuture<Void> due = waiting;
        waiting = null;
        return due;
    }

    /** Completes {@code due}, from {@link #release}, outside the dispatcher's lock. */
    static void complete(CompletableFuture<Void> due) {
        if (due != null) {
            due.complete(null);
        }
    }
}
