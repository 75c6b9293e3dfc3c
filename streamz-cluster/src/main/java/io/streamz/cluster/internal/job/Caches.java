package io.streamz.cluster.internal.job;

import java.util.List;
import org.apache.ignite.cache.CacheAtomicityMode;
import org.apache.ignite.cache.CacheMode;
import org.apache.ignite.cache.CacheWriteSynchronizationMode;
import org.apache.ignite.cache.affinity.rendezvous.RendezvousAffinityFunction;
import org.apache.ignite.configuration.CacheConfiguration;

/**
 * The two caches every streamz driver and server share. {@link #DATA} holds the results of cluster
 * steps until the next step or {@code gather} has used them; {@link #STATE} holds the state of
 * cluster {@code accumulate}s. Keys are {@code AffinityKey}s whose affinity part is a partition
 * number, so that a driver decides where a result lies; values are bytes marshalled by
 * {@link Codec}, so that servers need no user class to store them.
 *
 * <p>Every key also says whose it is: its key part is an {@code IgniteUuid} whose global id is the id
 * of the driver that wrote it, which the driver's client node carries as a user attribute
 * ({@link io.streamz.cluster.config.DriverKeys}, module cluster-config, has the convention; drivers
 * make keys with {@code ClusterContext.newKey}). When a driver dies without removing its entries,
 * the servers' {@link io.streamz.cluster.config.DeadDriverCleaner} removes them from both caches a
 * bounded time after its node left. Renaming a cache here means renaming it there too.
 *
 * <p>{@link #DURABLE} holds the states of accumulates given a name ({@code ClusterStream.durable}): its
 * keys carry the name, not a driver, and the cleaner never reads it, so a state outlives its driver. It
 * lies in the data region {@link #DURABLE_REGION}, which the Docker cluster's servers persist to disk
 * (server.xml); the other caches stay in memory.
 */
public final class Caches {
    public static final String DATA = "streamz-data";
    public static final String STATE = "streamz-state";
    public static final String DURABLE = "streamz-durable-state";
    /** The data region of {@link #DURABLE}; every server must configure it (server.xml does). */
    public static final String DURABLE_REGION = "streamz-durable";
    /** What an accumulate job reserves its partition in, so that neither moves while it runs. */
    public static final List<String> BOTH = List.of(DATA, STATE);
    /** What an accumulate job with named state reserves its partition in. */
    public static final List<String> DURABLE_ONLY = List.of(DURABLE);
    /** What an element-wise job reserves its partition in. */
    public static final List<String> DATA_ONLY = List.of(DATA);
    /** Partitions per cache: few, so that partition exchanges stay quick; a power of two. */
    public static final int PARTITIONS = 128;

    private Caches() {
    }

    /**
     * Partitioned with one backup, written synchronously to both copies, so that losing a node loses
     * nothing; both caches get the same affinity, so partition {@code p} lies on the same node in each.
     */
    public static CacheConfiguration<Object, byte[]> configuration(String name) {
        CacheConfiguration<Object, byte[]> cfg = new CacheConfiguration<>(name);
        cfg.setCacheMode(CacheMode.PARTITIONED);
        cfg.setBackups(1);
        cfg.setAtomicityMode(CacheAtomicityMode.ATOMIC);
        cfg.setWriteSynchronizationMode(CacheWriteSynchronizationMode.FULL_SYNC);
        cfg.setAffinity(new RendezvousAffinityFunction(false, PARTITIONS));
        cfg.setStatisticsEnabled(false);
        return cfg;
    }

    /**
     * The cache of named states: a copy on every server, so that servers stopped one after another
     * (a full restart) never leave the cluster running without one, and a persisted copy is on every
     * disk; in region {@link #DURABLE_REGION}; same partitions as the others.
     */
    public static CacheConfiguration<Object, byte[]> durableConfiguration() {
        CacheConfiguration<Object, byte[]> cfg = configuration(DURABLE);
        cfg.setCacheMode(CacheMode.REPLICATED);
        cfg.setDataRegionName(DURABLE_REGION);
        return cfg;
    }
}
