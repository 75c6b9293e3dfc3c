package io.streamz.local.internal.core;

import java.util.concurrent.CompletableFuture;

/**
 * How many elements a node holds (received but not yet accepted downstream), with the future
 * {@link Node#idle()} returns: it completes when the count drops to zero. After {@link #close()} the
 * node holds nothing for good (it was destroyed; late releases of in-flight elements are ignored).
 */
public final class HeldCount {
    private int held;
    private boolean closed;
    private final IdleFuture idle = new IdleFuture();

    /** The node took {@code n} more elements. */
    public synchronized void add(int n) {
        if (!closed) {
            held += n;
        }
    }

    /** {@code n} elements left the node (accepted downstream, failed or dropped). */
    public void remove(int n) {
        CompletableFuture<Void> reached;
        synchronized (this) {
            if (closed) {
                return;
            }
            // Never below zero: a miscount must not stop a worker (its loop calls this last).
            assert held >= n : "released " + n + " elements, held " + held;
            held = Math.max(0, held - n);
            if (held > 0) {
                return;
            }
            reached = idle.take();
        }
        if (reached != null) {
            reached.complete(null);
        }
    }

    /** How many elements are held now. */
    public synchronized int held() {
        return held;
    }

    /** Completed when nothing is held, else a future completing when that becomes true. */
    public synchronized CompletableFuture<Void> idle() {
        return idle.whenIdle(held > 0);
    }

    /** Forgets everything held; from now on the node counts as idle. */
    public void close() {
        CompletableFuture<Void> reached;
        synchronized (this) {
            closed = true;
            held = 0;
            reached = idle.take();
        }
        if (reached != null) {
            reached.complete(null);
        }
    }
}
