package io.streamz.cluster.internal.driver;

import io.streamz.cluster.internal.job.Caches;
import io.streamz.local.internal.core.IdleFuture;
import io.streamz.spi.RepeatedErrors;
import io.streamz.time.Scheduler;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes consumed batches from the data cache. Removals requested while one is in flight are
 * coalesced into the next {@code removeAll}, so a busy stream sends few of them.
 */
final class Remover {
    private static final Logger LOG = LoggerFactory.getLogger(Remover.class);
    /** While the cluster is gone every removal fails: one trace, then a summary per period. */
    private static final RepeatedErrors FAILURES = new RepeatedErrors(LOG, "removals failed", RepeatedErrors.DEFAULT_PERIOD);

    /** Removes the entries under the keys given, on the cluster. */
    private final Function<Set<Object>, CompletableFuture<?>> removeAll;
    private final BooleanSupplier closed;
    /** The cluster's name, for messages. */
    private final String cluster;
    private List<Object> keys = new ArrayList<>();
    private List<CompletableFuture<Void>> waiting = new ArrayList<>();
    private boolean flushing;
    private final IdleFuture idle = new IdleFuture();

    /**
     * A remover sending its removals with {@code removeAll}, which completes, exceptionally when the
     * removal failed, on a thread that may run the next one. Failures are logged unless
     * {@code closed} says the cluster (named {@code cluster}) is closed.
     */
    Remover(Function<Set<Object>, CompletableFuture<?>> removeAll, BooleanSupplier closed, String cluster) {
        this.removeAll = removeAll;
        this.closed = closed;
        this.cluster = cluster;
    }

    /** Removes the entry under {@code key}; the future completes once it is gone (never exceptionally). */
    public CompletableFuture<Void> remove(Object key) {
        CompletableFuture<Void> removed = new CompletableFuture<>();
        boolean start;
        synchronized (this) {
            keys.add(key);
            waiting.add(removed);
            start = !flushing;
            flushing = true;
        }
        if (start) {
            flush();
        }
        return removed;
    }

    /** Completes when no removal is pending. */
    public synchronized CompletableFuture<Void> idle() {
        return idle.whenIdle(flushing);
    }

    @Override
    public String toString() {
        return "Remover[" + cluster + "]";
    }

    private void flush() {
        Set<Object> batch;
        List<CompletableFuture<Void>> done;
        CompletableFuture<Void> nowIdle = null;
        synchronized (this) {
            if (keys.isEmpty()) {
                flushing = false;
                nowIdle = idle.take();
                batch = null;
                done = null;
            } else {
                batch = new HashSet<>(keys);
                done = waiting;
                keys = new ArrayList<>();
                waiting = new ArrayList<>();
            }
        }
        if (batch == null) {
            if (nowIdle != null) {
                nowIdle.complete(null);
            }
            return;
        }
        removeAll.apply(batch)
                .whenComplete((ignored, error) -> {
                    if (error != null && !closed.getAsBoolean()) {
                        FAILURES.warn(this, Scheduler.system(), "Could not remove " + batch.size() + " consumed results from "
                                + cluster + "." + Caches.DATA, error);
                    }
                    done.forEach(f -> f.complete(null));
                    flush();
                });
    }
}
