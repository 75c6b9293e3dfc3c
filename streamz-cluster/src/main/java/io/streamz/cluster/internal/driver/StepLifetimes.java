package io.streamz.cluster.internal.driver;

import io.streamz.cluster.ClusterUnavailableException;
import io.streamz.cluster.internal.job.Caches;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.ignite.IgniteCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the open steps of one cluster leave behind, and when it ends: the dispatchers to fail when the
 * cluster closes, the accumulate state entries to remove when their step is done, garbage or the
 * driver leaves, and the entries or actions tied to a holder that becomes garbage. Nothing here runs
 * once the cluster is closed, except {@link #abandonAll}. Thread-safe: steps register from any
 * thread; the garbage actions run on the cleaner thread.
 */
final class StepLifetimes {
    private static final Logger LOG = LoggerFactory.getLogger(StepLifetimes.class);

    private final String name;
    private final DriverThreads threads;
    private final ClusterCalls calls;
    private final ClusterLiveness liveness;
    /** The accumulate state cache, a fresh proxy after a reconnect. */
    private final Supplier<IgniteCache<Object, byte[]>> states;
    private final Remover remover;
    private final Set<Dispatcher> dispatchers = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
    private final Set<Object> stateKeys = Collections.synchronizedSet(new HashSet<>());

    /**
     * @param name    the cluster's name, for messages
     * @param states  the accumulate state cache as of now
     * @param remover what removes the results of garbage holders
     */
    StepLifetimes(String name, ClusterCalls calls, Supplier<IgniteCache<Object, byte[]>> states, Remover remover) {
        this.name = name;
        this.threads = calls.threads();
        this.calls = calls;
        this.liveness = calls.liveness();
        this.states = states;
        this.remover = remover;
    }

    /** Keeps {@code dispatcher}, weakly, to fail what waits in it when the cluster closes. */
    void register(Dispatcher dispatcher) {
        dispatchers.add(dispatcher);
    }

    /** Removes the entry under {@code key} once {@code holder} is garbage, unless the cluster closed first. */
    void removeWhenUnreachable(Object holder, Object key) {
        // Written out rather than through whenUnreachable: one allocation per task, not two.
        threads.whenGarbage(holder, () -> {
            if (!liveness.isClosed()) {
                remover.remove(key);
            }
        });
    }

    /** Runs {@code action} once {@code holder} is garbage, unless the cluster closed first; {@code action} must not hold it. */
    void whenUnreachable(Object holder, Runnable action) {
        threads.whenGarbage(holder, () -> {
            if (!liveness.isClosed()) {
                action.run();
            }
        });
    }

    /**
     * Remembers the state entry of an accumulate: it is removed by {@link #forgetState}, once
     * {@code holder} (the accumulate's dispatcher) is garbage, or when the driver leaves.
     */
    void registerState(Object holder, Object key) {
        stateKeys.add(key);
        threads.whenGarbage(holder, () -> forgetState(key));
    }

    /** Forgets an accumulate state entry without removing it: its step keeps its state elsewhere (a named state). */
    void unregisterState(Object key) {
        stateKeys.remove(key);
    }

    /** Removes the state entry of an accumulate that will apply no more elements; once, and not after the cluster closed. */
    void forgetState(Object key) {
        if (liveness.isClosed() || !stateKeys.remove(key)) {
            return;
        }
        ClusterCall.start(calls, "remove state", () -> states.get().removeAsync(key)).whenComplete((ignored, error) -> {
            if (error != null && !liveness.isClosed()) {
                LOG.warn("Could not remove an accumulate state from {}.{}", name, Caches.STATE, error);
            }
        });
    }

    /**
     * Removes every accumulate state still registered, blocking a second at most (the servers may be
     * gone); at once when the cluster is known not to answer. Before the cluster closes.
     */
    void forgetStates() {
        if (stateKeys.isEmpty() || liveness.hasGivenUp() || liveness.disconnected()) {
            return;
        }
        Set<Object> keys = new HashSet<>(stateKeys);
        try {
            CompletableFuture.runAsync(() -> states.get().removeAll(keys), threads.callbacks()).get(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException gone) {
            // The servers are gone or slow: the states go with them.
        }
    }

    /** Fails what waits in every registered dispatcher with {@code reason}: the cluster closed. */
    void abandonAll(ClusterUnavailableException reason) {
        List<Dispatcher> open;
        synchronized (dispatchers) {
            open = new ArrayList<>(dispatchers);
        }
        open.forEach(d -> d.abandon(reason));
    }

    @Override
    public String toString() {
        return "StepLifetimes[" + name + ": " + dispatchers.size() + " dispatchers, " + stateKeys.size() + " states]";
    }
}
