package io.streamz.cluster.config;

import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCluster;
import org.apache.ignite.cluster.ClusterState;
import org.apache.ignite.configuration.DataRegionConfiguration;
import org.apache.ignite.configuration.DataStorageConfiguration;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.apache.ignite.lifecycle.LifecycleBean;
import org.apache.ignite.lifecycle.LifecycleEventType;
import org.apache.ignite.resources.IgniteInstanceResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a cluster whose servers persist data (the named states of streamz, see server.xml) active
 * without an operator: a cluster started for the first time is activated by the server that finds
 * {@link #setExpectedServers expectedServers} servers up when it starts (the last to join), which makes
 * those servers the baseline topology; baseline auto-adjust is then turned on, so that a server gone
 * longer than {@link #setAutoAdjustMillis autoAdjustMillis} leaves the baseline (its data is copied to
 * the others) and a new one joins it after as long. A cluster restarted with its baseline's servers
 * activates by itself (Ignite does that once every baseline server is back), however they were
 * stopped. Does nothing on a server without persistence. In server.xml, as a lifecycle bean; its work
 * runs on a thread of its own, so that a node's start never waits on the cluster's activation, which
 * logs {@value #ACTIVE} once the cluster is active (drivers can only join an active one).
 */
public final class PersistentBaseline implements LifecycleBean {
    /** A server away this long leaves the baseline: longer than a restart takes, shorter than an outage. */
    public static final long DEFAULT_AUTO_ADJUST_MILLIS = 60_000;
    /** What each server logs once it sees the cluster active. */
    public static final String ACTIVE = "streamz: cluster active, named states persisted";
    private static final Logger LOG = LoggerFactory.getLogger(PersistentBaseline.class);
    private static final long CHECK_MILLIS = 200;

    @IgniteInstanceResource
    private Ignite ignite;
    private int expectedServers = 1;
    private long autoAdjustMillis = DEFAULT_AUTO_ADJUST_MILLIS;

    /** How many servers a first start waits for before activating: the compose file's count. */
    public void setExpectedServers(int expectedServers) {
        this.expectedServers = expectedServers;
    }

    public void setAutoAdjustMillis(long autoAdjustMillis) {
        this.autoAdjustMillis = autoAdjustMillis;
    }

    @Override
    public void onLifecycleEvent(LifecycleEventType event) {
        if (event == LifecycleEventType.AFTER_NODE_START && persistent(ignite.configuration())) {
            Thread settle = new Thread(this::settleWhileRunning, "streamz-baseline");
            settle.setDaemon(true);
            settle.start();
        }
    }

    /** Settles the cluster, checking again until it is active, or this node stops. */
    private void settleWhileRunning() {
        try {
            while (!settle(ignite, expectedServers, autoAdjustMillis)) {
                Thread.sleep(CHECK_MILLIS);
            }
            LOG.info("{}: {} baseline servers, auto-adjust after {} ms", ACTIVE,
                    ignite.cluster().currentBaselineTopology().size(), autoAdjustMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException stopped) {
            LOG.debug("stopped settling the baseline", stopped);
        }
    }

    /**
     * Activates a cluster never activated once {@code expectedServers} servers are up, and turns
     * baseline auto-adjust on with {@code autoAdjustMillis}. Blocks while Ignite activates.
     *
     * @return whether the cluster is active now (a restarted one waits for its baseline servers)
     */
    public static boolean settle(Ignite ignite, int expectedServers, long autoAdjustMillis) {
        IgniteCluster cluster = ignite.cluster();
        if (!cluster.state().active()) {
            if (cluster.currentBaselineTopology() != null || cluster.forServers().nodes().size() < expectedServers) {
                return false;
            }
            cluster.state(ClusterState.ACTIVE);
        }
        cluster.baselineAutoAdjustEnabled(true);
        cluster.baselineAutoAdjustTimeout(autoAdjustMillis);
        return true;
    }

    /** Whether a node of {@code cfg} persists any data region. */
    public static boolean persistent(IgniteConfiguration cfg) {
        DataStorageConfiguration storage = cfg.getDataStorageConfiguration();
        if (storage == null) {
            return false;
        }
        if (storage.getDefaultDataRegionConfiguration() != null && storage.getDefaultDataRegionConfiguration().isPersistenceEnabled()) {
            return true;
        }
        DataRegionConfiguration[] regions = storage.getDataRegionConfigurations();
        if (regions != null) {
            for (DataRegionConfiguration region : regions) {
                if (region.isPersistenceEnabled()) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "PersistentBaseline[expectedServers=" + expectedServers + ", autoAdjustMillis=" + autoAdjustMillis + "]";
    }
}
