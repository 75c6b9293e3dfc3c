package io.streamz.cluster.internal.driver;

import io.streamz.cluster.internal.job.Caches;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.IgniteCompute;
import org.apache.ignite.events.Event;
import org.apache.ignite.events.EventType;
import org.apache.ignite.lang.IgniteFuture;
import org.apache.ignite.lang.IgnitePredicate;
import org.apache.ignite.spi.discovery.DiscoverySpi;
import org.apache.ignite.spi.discovery.tcp.TcpDiscoverySpi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver's link to the cluster through its client node, kept across a whole-cluster restart.
 *
 * <p>Ignite's client reconnects by itself when it loses every server, but gives up (its node is
 * segmented and stops) once the discovery {@code joinTimeout} passes without a server. That timeout
 * is what makes {@code Ignition.start} fail when nobody answers, so it stays for the first join; once
 * joined, this link sets it to 0, which lets the client keep trying the configured addresses (every
 * 2 s) until servers are back; servers must come back at those addresses (a container restarted keeps
 * its IP, one re-created may not). Servers restarted are new nodes with empty caches, and the client's
 * cache proxies are stale after such a reconnect: this link creates the caches again and hands out
 * fresh proxies (and compute facade) only then. Until that is done it counts as
 * {@linkplain #reconnecting() reconnecting}, so operations wait or fail with the operation timeout
 * rather than use a stale proxy.
 *
 * <p>Logs one WARN line when Ignite's client reports the cluster lost (some seconds after the last
 * server went: its failure detection) and one INFO line when the link is usable again, with the time
 * since that report. Ignite's events arrive on its discovery thread; the caches are made again on
 * {@code executor}, as creating a cache waits for discovery.
 */
final class ClusterLink implements ClusterLiveness.Signals {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterLink.class);
    /** How long to wait before trying to create the caches again after a failed attempt. */
    private static final long RETRY_MILLIS = 500;

    private final Ignite ignite;
    private final String name;
    private final Executor executor;
    private final Runnable reconnected;
    private final IgnitePredicate<Event> listener = this::onEvent;
    private volatile Facades facades;
    private volatile boolean ready = true;
    private volatile boolean closed;
    private volatile long lostAt;
    private final List<CompletableFuture<Void>> waiting = new ArrayList<>();

    /**
     * Creates the caches if the cluster has none yet and starts watching the client's connection.
     *
     * @param reconnected run on {@code executor} once the link is usable again after a reconnect
     */
    ClusterLink(Ignite ignite, String name, Executor executor, Runnable reconnected) {
        this.ignite = ignite;
        this.name = name;
        this.executor = executor;
        this.reconnected = reconnected;
        this.facades = new Facades(ignite);
        keepReconnecting();
        ignite.events().localListen(listener, EventType.EVT_CLIENT_NODE_DISCONNECTED, EventType.EVT_CLIENT_NODE_RECONNECTED,
                EventType.EVT_NODE_SEGMENTED);
    }

    /** Lifts the join timeout of a client that has joined, so that it never stops trying to reconnect. */
    private void keepReconnecting() {
        DiscoverySpi spi = ignite.configuration().getDiscoverySpi();
        if (spi instanceof TcpDiscoverySpi tcp) {
            tcp.setJoinTimeout(0);
            if (tcp.isClientReconnectDisabled()) {
                LOG.warn("{}: the Ignite configuration sets clientReconnectDisabled, so this driver stops for good when it "
                        + "loses every server; remove that setting to let it reconnect by itself", name);
            }
        }
    }

    /** The data cache, as of the last (re)connection. */
    public IgniteCache<Object, byte[]> data() {
        return facades.data;
    }

    /** The accumulate state cache, as of the last (re)connection. */
    IgniteCache<Object, byte[]> states() {
        return facades.states;
    }

    /** Compute on the servers, as of the last (re)connection. */
    public IgniteCompute compute() {
        return facades.compute;
    }

    /** Whether the client lost the cluster, or got it back and the caches are not made again yet. */
    @Override
    public boolean reconnecting() {
        return !ready || clientDisconnected();
    }

    @Override
    public boolean seesServers() {
        return serverCount() > 0;
    }

    @Override
    public long topologyVersion() {
        try {
            return ignite.cluster().topologyVersion();
        } catch (RuntimeException disconnected) {
            return -1;
        }
    }

    /**
     * Reads a random key, so a random server's partition, which no busy compute thread can hold up;
     * sent from {@code executor}, as Ignite may block a while sending to a node that is gone.
     */
    @Override
    public void probe(Runnable onAnswer) {
        executor.execute(() -> {
            try {
                data().getAsync(ThreadLocalRandom.current().nextInt()).listen(done -> {
                    try {
                        done.get();
                        onAnswer.run();
                    } catch (RuntimeException silent) {
                        // Not an answer: the operations waiting give up in time.
                    }
                });
            } catch (RuntimeException disconnected) {
                // Likewise.
            }
        });
    }

    /** Completes once the link is usable: at once when connected, else after the reconnect. */
    public CompletableFuture<Void> whenConnected() {
        CompletableFuture<Void> connected = new CompletableFuture<>();
        synchronized (waiting) {
            if (!reconnecting()) {
                connected.complete(null);
            } else {
                waiting.add(connected);
            }
        }
        return connected;
    }

    /** Stops listening; before the client node stops. */
    void close() {
        closed = true;
        try {
            ignite.events().stopLocalListen(listener);
        } catch (RuntimeException stopped) {
            // The node is gone already: so is its listener.
        }
    }

    private boolean onEvent(Event event) {
        if (event.type() == EventType.EVT_NODE_SEGMENTED) {
            // Only when the cluster refused this client's return (e.g. its certificate is no longer trusted).
            LOG.error("{}: the cluster refused this driver's reconnection and its client node stops: close this "
                    + "cluster and open it again", name);
        } else if (event.type() == EventType.EVT_CLIENT_NODE_DISCONNECTED) {
            ready = false;
            lostAt = System.nanoTime();
            LOG.warn("{}: lost the cluster, no server answers; reconnecting until servers are back. Meanwhile elements "
                    + "fail once they waited the operation timeout", name);
        } else {
            executor.execute(this::remake);
        }
        return true;
    }

    /** After a reconnect: the caches again (the servers may be new and empty), then the operations resume. */
    private void remake() {
        while (!closed) {
            try {
                facades = new Facades(ignite);
                break;
            } catch (RuntimeException e) {
                if (clientDisconnected()) {
                    return; // The next reconnect tries again.
                }
                LOG.debug("{}: could not create the caches after reconnecting, trying again", name, e);
                if (!pause()) {
                    return;
                }
            }
        }
        if (closed) {
            return;
        }
        ready = true;
        LOG.info("{}: reconnected after {} s, to {} servers", name,
                String.format("%.1f", (System.nanoTime() - lostAt) / 1e9), serverCount());
        reconnected.run();
        List<CompletableFuture<Void>> due;
        synchronized (waiting) {
            due = new ArrayList<>(waiting);
            waiting.clear();
        }
        due.forEach(f -> f.complete(null));
    }

    /** Whether Ignite's client is reconnecting (or stopped). */
    private boolean clientDisconnected() {
        try {
            // Ignite keeps the future of the last reconnect, done, once the client is back.
            IgniteFuture<?> reconnect = ignite.cluster().clientReconnectFuture();
            return reconnect != null && !reconnect.isDone();
        } catch (RuntimeException stopped) {
            return true;
        }
    }

    private int serverCount() {
        try {
            return ignite.cluster().forServers().nodes().size();
        } catch (RuntimeException disconnected) {
            return 0;
        }
    }

    /** Waits before the next attempt; {@code false} when interrupted (the driver is shutting down). */
    private static boolean pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(RETRY_MILLIS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** What the driver uses of the client node; replaced whole after a reconnect. */
    private static final class Facades {
        final IgniteCache<Object, byte[]> data;
        final IgniteCache<Object, byte[]> states;
        final IgniteCompute compute;

        Facades(Ignite ignite) {
            this.data = ignite.getOrCreateCache(Caches.configuration(Caches.DATA));
            this.states = ignite.getOrCreateCache(Caches.configuration(Caches.STATE));
            this.compute = ignite.compute();
        }
    }
}
