package io.streamz.cluster.internal.driver;

import io.streamz.local.internal.core.IdleFuture;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The future a dispatcher's {@code idle()} hands out: completed once the dispatcher has nothing
 * waiting or in flight. Whether it is busy is read under the dispatcher's lock; the future is
 * completed outside it, so that what waits on it never runs under that lock. Also abandons what waits
 * in the dispatcher, the other way it becomes idle. Any thread.
 */
final class IdleSignal {

    private final Object lock;
    private final BooleanSupplier busy;
    /** Guarded by {@code lock}. */
    private final IdleFuture waiting = new IdleFuture();

    /** {@code busy} says, under {@code lock} (the dispatcher), whether anything waits or is in flight. */
    IdleSignal(Object lock, BooleanSupplier busy) {
        this.lock = lock;
        this.busy = busy;
    }

    /** What {@code idle()} returns: completed already when the dispatcher is not busy now. */
    CompletableFuture<Void> await() {
        synchronized (lock) {
            return waiting.whenIdle(busy.getAsBoolean());
        }
    }

    /** Completes what {@link #await} handed out if the dispatcher is no longer busy; call outside its lock. */
    void signalIfIdle() {
        CompletableFuture<Void> due;
        synchronized (lock) {
            if (busy.getAsBoolean()) {
                return;
            }
            due = waiting.take();
        }
        if (due != null) {
            due.complete(null);
        }
    }

    /**
     * Fails the elements {@code waiting} takes out of the dispatcher (called under its lock) with
     * {@code reason}, outside the lock, then completes what {@link #await} handed out if that left the
     * dispatcher idle: the cluster closed. Elements in flight are not touched: their tasks fail.
     */
    void abandon(Supplier<List<Item>> waiting, Throwable reason) {
        List<Item> dropped;
        synchronized (lock) {
            dropped = waiting.get();
        }
        dropped.forEach(item -> TaskPlan.abandon(item, reason));
        signalIfIdle();
    }
}
