package io.streamz.cluster.internal.driver;

import io.streamz.cluster.internal.job.Caches;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.ignite.IgniteCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the named states of one driver share ({@code ClusterStream.durable}, see {@link NamedState}):
 * the names its open steps use ({@link StateNames}), the cache holding the states (made on first use,
 * so that servers of an older version still run unnamed pipelines), this driver's id, which its claims
 * hold, and whether another driver is still in the cluster. Owned by the cluster's context, which it
 * does not know. Thread-safe.
 */
final class NamedStates {
    private static final Logger LOG = LoggerFactory.getLogger(NamedStates.class);

    private final String cluster;
    private final UUID driver;
    private final Duration wait;
    private final Supplier<IgniteCache<Object, byte[]>> cache;
    private final Predicate<UUID> inCluster;
    private final Executor callbacks;
    private final StateNames names = new StateNames();

    /**
     * @param cluster   the cluster's name, for messages
     * @param driver    this driver's id
     * @param wait      how long taking a name waits for its state's removal (the operation timeout)
     * @param cache     gets the cache of named states, creating it when the cluster has none; blocks
     * @param inCluster whether the driver of the id given still has a node in the cluster
     * @param callbacks where the removals of destroyed states run
     */
    NamedStates(String cluster, UUID driver, Duration wait, Supplier<IgniteCache<Object, byte[]>> cache,
                Predicate<UUID> inCluster, Executor callbacks) {
        this.cluster = cluster;
        this.driver = driver;
        this.wait = wait;
        this.cache = cache;
        this.inCluster = inCluster;
        this.callbacks = callbacks;
    }

    /** The state names this driver's open steps use. */
    StateNames names() {
        return names;
    }

    /** How long taking a name waits for the removal of its state. */
    Duration waitForRemoval() {
        return wait;
    }

    /** This driver's id, which its claims hold. */
    UUID driver() {
        return driver;
    }

    /** Whether the driver {@code id} still has a node in the cluster (so its claim holds). */
    boolean inCluster(UUID id) {
        return inCluster.test(id);
    }

    /** Where the removals of destroyed states run: a callback thread. */
    Executor callbacks() {
        return callbacks;
    }

    /** The cluster's name, for messages. */
    String cluster() {
        return cluster;
    }

    /**
     * The cache of named states, created on first use. Blocks until the cluster answers.
     *
     * @throws IllegalStateException when the servers cannot create it, e.g. they lack its data region
     */
    IgniteCache<Object, byte[]> cache() {
        try {
            return cache.get();
        } catch (RuntimeException e) {
            throw new IllegalStateException(cluster + " could not make the cache of named states " + Caches.DURABLE + ": "
                    + e.getMessage() + ". Its servers must configure the data region " + Caches.DURABLE_REGION
                    + ", as server.xml of this streamz version does: restart them with it", e);
        }
    }

    /** The client is back, maybe to servers that kept nothing: makes the cache again if a step uses a name. */
    void reconnected() {
        if (!names.any()) {
            return;
        }
        try {
            // Servers that kept nothing have no named-state cache: its steps' jobs must find it to report the loss.
            cache();
        } catch (RuntimeException e) {
            LOG.warn("{}: could not make the cache of named states again after reconnecting", cluster, e);
        }
    }

    @Override
    public String toString() {
        return "NamedStates[" + cluster + "]";
    }
}
