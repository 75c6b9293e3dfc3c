package io.streamz.cluster.config;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteLogger;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.events.DiscoveryEvent;
import org.apache.ignite.events.Event;
import org.apache.ignite.events.EventType;
import org.apache.ignite.lang.IgnitePredicate;
import org.apache.ignite.lifecycle.LifecycleBean;
import org.apache.ignite.lifecycle.LifecycleEventType;
import org.apache.ignite.resources.IgniteInstanceResource;
import org.apache.ignite.resources.LoggerResource;

/**
 * On a server, removes what a driver that died left in the streamz caches. A driver removes its own
 * results and accumulate states as they are consumed, destroyed or closed; one killed
 * ({@code kill -9}) or cut off removes nothing, and without this its entries would stay forever.
 *
 * <p>When a node carrying a driver id ({@link DriverKeys#ATTRIBUTE}) leaves the topology or fails,
 * this waits {@linkplain #setGracePeriodMillis the grace period}; if by then no node of the cluster
 * carries that id (a driver reconnecting comes back as a new node with the same id, and keeps its
 * entries), it removes from this server's primary partitions of {@code streamz-data} and
 * {@code streamz-state} every entry whose key carries the id (the key convention: {@link DriverKeys}),
 * and logs one INFO line with the count when there were any. Every server does the same for its own primaries, so the
 * whole cluster is covered.
 *
 * <p>How long until a dead driver's entries are gone: the servers notice a killed client within their
 * {@code clientFailureDetectionTimeout} (server.xml: 10 s; embedded clusters: 4 s), then wait the
 * grace period (default {@value #DEFAULT_GRACE_MILLIS} ms), then scan their primaries, which takes
 * milliseconds for the few thousand entries streamz keeps. So at most about 15 s on the Docker
 * cluster, and about 9 s on an embedded one (8.4 s and 10.2 s measured from {@code kill -9} to an
 * empty cache, on a loaded 2-core machine). A driver that comes back after the grace period finds
 * its entries gone: what it then reads fails as if the servers holding them were lost. An entry whose partition moves between servers during
 * the scan (a server joining or leaving at that moment) may be missed.
 *
 * <p>Registered as a lifecycle bean by server.xml; it turns on the local recording of the two
 * discovery events it needs, so a configuration of your own needs only the bean. The events arrive
 * on Ignite's discovery thread, which must not block: the removal runs on a thread of this bean's.
 */
public class DeadDriverCleaner implements LifecycleBean {
    /** Default grace period: a driver's client reconnecting after a short cut rejoins well within it. */
    public static final long DEFAULT_GRACE_MILLIS = 5_000;
    /**
     * The caches whose entries carry driver ids: streamz-cluster's {@code job.Caches} DATA and STATE. Never
     * {@code streamz-durable-state}: the named states there outlive their drivers, and their keys carry the id
     * of the state's name where these carry a driver's, which no live node has.
     */
    static final List<String> CACHES = List.of("streamz-data", "streamz-state");
    private static final int[] LEAVING = {EventType.EVT_NODE_LEFT, EventType.EVT_NODE_FAILED};

    @IgniteInstanceResource
    private Ignite ignite;
    @LoggerResource(categoryClass = DeadDriverCleaner.class)
    private IgniteLogger log;
    private long gracePeriodMillis = DEFAULT_GRACE_MILLIS;
    private volatile ScheduledExecutorService worker;
    private final IgnitePredicate<Event> listener = this::onNodeLeft;

    /**
     * How long to wait after a driver's node left before removing its entries, in milliseconds:
     * long enough for a driver that lost its connection to rejoin, since its entries are removed
     * otherwise. Set before the node starts.
     */
    public void setGracePeriodMillis(long gracePeriodMillis) {
        if (gracePeriodMillis < 0) {
            throw new IllegalArgumentException("gracePeriodMillis must be 0 or more, was " + gracePeriodMillis);
        }
        this.gracePeriodMillis = gracePeriodMillis;
    }

    public long getGracePeriodMillis() {
        return gracePeriodMillis;
    }

    /** Starts listening for leaving nodes once the node has started, and stops before it stops. */
    @Override
    public void onLifecycleEvent(LifecycleEventType event) {
        if (event == LifecycleEventType.AFTER_NODE_START) {
            worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "streamz-dead-driver-cleaner-" + ignite.name());
                thread.setDaemon(true);
                return thread;
            });
            ignite.events().enableLocal(LEAVING);
            ignite.events().localListen(listener, LEAVING);
        } else if (event == LifecycleEventType.BEFORE_NODE_STOP && worker != null) {
            ignite.events().stopLocalListen(listener, LEAVING);
            worker.shutdownNow();
        }
    }

    /** On the discovery thread: schedules the check, never blocks. Always keeps listening. */
    private boolean onNodeLeft(Event event) {
        ClusterNode node = ((DiscoveryEvent) event).eventNode();
        UUID driver = DriverKeys.driverOf(node);
        if (driver != null) {
            try {
                worker.schedule(() -> removeIfGone(driver, node), gracePeriodMillis, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                // This node is stopping: its partitions go to the others, whose own events clean them.
            }
        }
        return true;
    }

    private void removeIfGone(UUID driver, ClusterNode left) {
        try {
            if (ignite.cluster().nodes().stream().anyMatch(node -> driver.equals(DriverKeys.driverOf(node)))) {
                return;
            }
            int removed = 0;
            for (String cache : CACHES) {
                removed += DriverEntries.removeLocalPrimaries(ignite, cache, driver);
            }
            // A driver that closed normally removed its own: only a removal is worth a line.
            if (removed > 0) {
                log.info("Removed " + removed + " entries of driver " + driver + " from this node's primary partitions of "
                        + CACHES + ": its client node " + left.id() + " left " + gracePeriodMillis + " ms ago and has not come back");
            } else if (log.isDebugEnabled()) {
                log.debug("Driver " + driver + " left nothing in this node's primary partitions");
            }
        } catch (RuntimeException e) {
            // E.g. this node stopping meanwhile; nothing to retry: whoever holds the partitions now does not know.
            log.warning("Could not remove the entries of driver " + driver + " that left; they stay until the cluster restarts", e);
        }
    }
}
