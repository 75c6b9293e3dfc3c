package io.streamz.cluster.internal.driver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The state names that open steps of one driver use ({@code ClusterStream.durable}), so that two steps
 * never update one state, and the names whose state a destroyed step is removing: a step built again
 * under such a name waits for the removal instead of being refused or finding the old state. Thread-safe.
 */
final class StateNames {
    private final Map<String, Use> inUse = new HashMap<>();

    private static final class Use {
        final CompletableFuture<Void> freed = new CompletableFuture<>();
        boolean removing;
    }

    /**
     * Takes {@code name} for a step; when its state is being removed, waits for that first, up to {@code wait}.
     *
     * @return {@code false} when an open step uses the name
     * @throws IllegalStateException when the removal takes longer than {@code wait}, or the thread is interrupted
     */
    boolean take(String name, Duration wait) {
        while (true) {
            CompletableFuture<Void> freed;
            synchronized (this) {
                Use use = inUse.get(name);
                if (use == null) {
                    inUse.put(name, new Use());
                    return true;
                }
                if (!use.removing) {
                    return false;
                }
                freed = use.freed;
            }
            try {
                freed.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the state \"" + name + "\" of a destroyed stream was being removed", e);
            } catch (TimeoutException e) {
                throw new IllegalStateException("the state \"" + name + "\" of a destroyed stream is still being removed after "
                        + wait.toSeconds() + " s: is the cluster reachable? Try again later", e);
            } catch (ExecutionException never) {
                // freed never fails.
            }
        }
    }

    /** Whether any step of this driver uses a name. */
    synchronized boolean any() {
        return !inUse.isEmpty();
    }

    /** The step using {@code name} was destroyed: its state is being removed. */
    synchronized void removing(String name) {
        Use use = inUse.get(name);
        if (use != null) {
            use.removing = true;
        }
    }

    /** No step uses {@code name} any more (its state stays, or is removed). */
    void free(String name) {
        Use use;
        synchronized (this) {
            use = inUse.remove(name);
        }
        if (use != null) {
            use.freed.complete(null);
        }
    }

    /** Waits up to {@code wait} for the removals under way: before the driver closes. */
    void awaitRemovals(Duration wait) {
        List<CompletableFuture<Void>> removals = new ArrayList<>();
        synchronized (this) {
            inUse.values().stream().filter(use -> use.removing).forEach(use -> removals.add(use.freed));
        }
        try {
            CompletableFuture.allOf(removals.toArray(CompletableFuture[]::new)).get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException slow) {
            // The servers are gone or slow: a later destroy() of the name removes what is left.
        }
    }

    @Override
    public synchronized String toString() {
        return "state names in use " + inUse.keySet();
    }
}
