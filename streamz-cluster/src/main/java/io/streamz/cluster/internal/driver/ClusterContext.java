package io.streamz.cluster.internal.driver;

import io.streamz.cluster.Cluster;
import io.streamz.cluster.ClusterUnavailableException;
import io.streamz.cluster.IgniteClusterOptions;
import io.streamz.cluster.config.DriverKeys;
import io.streamz.cluster.internal.job.Caches;
import io.streamz.cluster.internal.job.Codec;
import io.streamz.cluster.internal.job.JobResult;
import java.time.Duration;
import java.util.Collection;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.ignite.Ignite;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.lang.IgniteCallable;
import org.apache.ignite.lang.IgniteFuture;

/**
 * What every cluster stream of one {@code IgniteCluster} shares on the driver, made and wired here:
 * the client node and its caches ({@link ClusterLink}), the driver's threads ({@link DriverThreads}),
 * whether the cluster answers ({@link ClusterLiveness}), what operations consult
 * ({@link ClusterCalls}), where tasks go ({@link Placement}), what removes consumed results
 * ({@link Remover}), what the open steps leave on the cluster ({@link StepLifetimes}), and the parts
 * the steps take instead of this context: what sends their tasks ({@link StepTask}), where their
 * results are kept ({@link ResultStore}) and what their named states share ({@link NamedStates}).
 * None of these calls back into it. Closing it ends them in order. Thread-safe.
 */
public final class ClusterContext {
    private static final Duration REMOVAL_WAIT = Duration.ofSeconds(5);

    private final Cluster owner;
    private final Ignite ignite;
    private final String name;
    private final IgniteClusterOptions options;
    private final Duration timeout;
    private final ClusterLink link;
    private final Codec codec;
    private final Placement placement;
    private final Remover remover;
    private final TaskTimeouts timeouts;
    private final BytesInFlight bytesInFlight;
    private final DriverThreads threads;
    private final ClusterLiveness liveness;
    private final ClusterCalls calls;
    private final StepLifetimes lifetimes;
    /** This driver's id, which every key it writes carries, so that servers can clean up after it. */
    private final UUID driver;
    private final AtomicLong keys = new AtomicLong();
    private final NamedStates namedStates;
    private final StepTask stepTask;
    private final ResultStore results;

    /** Creates the caches if the cluster has none yet, and again whenever the client reconnects. */
    public ClusterContext(Cluster owner, Ignite ignite, String name, IgniteClusterOptions options, ClassLoader loader) {
        this.owner = owner;
        this.ignite = ignite;
        this.name = name;
        this.options = options;
        this.timeout = options.operationTimeout();
        this.driver = driverId(ignite);
        this.codec = new Codec(ignite, loader);
        this.threads = new DriverThreads();
        this.placement = new Placement(ignite, options.threads(), threads::executeNext);
        this.timeouts = new TaskTimeouts(ignite, options.taskTimeout());
        this.link = new ClusterLink(ignite, name, threads::execute, this::reconnected);
        this.liveness = new ClusterLiveness(name, timeout, System::nanoTime, link);
        this.calls = new ClusterCalls(threads, liveness, timeouts);
        this.remover = new Remover(keys -> ClusterCall.start(calls, "remove", () -> link.data().removeAllAsync(keys)),
                liveness::isClosed, name);
        this.lifetimes = new StepLifetimes(name, calls, link::states, remover);
        this.bytesInFlight = new BytesInFlight(this::checkOpen, options.maxBytesInFlight());
        this.namedStates = new NamedStates(name, driver, timeout, () -> ignite.getOrCreateCache(Caches.durableConfiguration()),
                id -> inTopology(ignite, id), threads::execute);
        this.stepTask = new StepTask(new TaskTarget() {
            @Override
            public IgniteFuture<JobResult> call(Collection<String> caches, int partition, IgniteCallable<JobResult> job) {
                return link.compute().affinityCallAsync(caches, partition, job);
            }

            @Override
            public boolean hasCache(String cache) {
                return ignite.cache(cache) != null;
            }

            @Override
            public String toString() {
                return name;
            }
        }, placement, calls);
        this.results = new ResultStore(name, this::newKey, key -> ClusterCall.start(calls, "gather", () -> link.data().getAsync(key)),
                remover, lifetimes::removeWhenUnreachable, codec);
        OpenContexts.add(this);
    }

    public Cluster owner() {
        return owner;
    }

    /** The options the cluster was opened with. */
    public IgniteClusterOptions options() {
        return options;
    }

    public Ignite ignite() {
        return ignite;
    }

    public String name() {
        return name;
    }

    /** Completes once the client is connected: at once, or when it is back after losing the cluster. */
    public CompletableFuture<Void> whenConnected() {
        return link.whenConnected();
    }

    /** The client is back (maybe to new servers) and the caches exist again: operations may go on. */
    private void reconnected() {
        placement.forget();
        NamedStates named = namedStates;
        if (named != null) {
            named.reconnected();
        }
        ClusterLiveness made = liveness;
        if (made != null) {
            // Null only if the client reconnected while this context was being made: nothing waits yet.
            made.answered();
        }
    }

    public Codec codec() {
        return codec;
    }

    Placement placement() {
        return placement;
    }

    Remover remover() {
        return remover;
    }

    /** Completes once no consumed result is still being removed from the cache (now, when none is). */
    public CompletableFuture<Void> removalsIdle() {
        return remover.idle();
    }

    /**
     * A key never used before, of this driver's (see {@link DriverKeys}), for an entry in
     * {@code partition}. Thread-safe.
     */
    public Object newKey(int partition) {
        return DriverKeys.key(driver, keys.incrementAndGet(), partition);
    }

    /** What this driver's named states share: the names in use, their cache, the claims' owner. */
    NamedStates namedStates() {
        return namedStates;
    }

    /** What sends the steps' tasks. */
    StepTask stepTask() {
        return stepTask;
    }

    /** Where the steps' results are kept. */
    ResultStore results() {
        return results;
    }

    /** The id the client node was started with: kept when it reconnects as a new node. */
    private static UUID driverId(Ignite ignite) {
        UUID id = DriverKeys.driverOf(ignite.cluster().localNode());
        if (id == null) {
            throw new IllegalStateException("the client node " + ignite.name() + " has no user attribute "
                    + DriverKeys.ATTRIBUTE + ": configure it with NodeConfigs, which gives it one");
        }
        return id;
    }

    /** Whether the driver {@code id} still has a client node in the cluster. */
    private static boolean inTopology(Ignite ignite, UUID id) {
        for (ClusterNode node : ignite.cluster().nodes()) {
            if (id.equals(DriverKeys.driverOf(node))) {
                return true;
            }
        }
        return false;
    }

    /** The bytes of scattered elements not answered yet, which cluster steps wait on. */
    public BytesInFlight bytesInFlight() {
        return bytesInFlight;
    }

    /** Whether the cluster is open and answers; held by what checks it per element, to reach it in one step. */
    ClusterLiveness liveness() {
        return liveness;
    }

    /** Runs {@code task} on a callback thread (on this one once the cluster is closed). */
    public void execute(Runnable task) {
        threads.execute(task);
    }

    /** What the open steps leave on the cluster, and when it ends. */
    StepLifetimes lifetimes() {
        return lifetimes;
    }

    @Override
    public String toString() {
        return name;
    }

    public boolean isClosed() {
        return liveness.isClosed();
    }

    /**
     * Fails when the cluster is closed; on any thread.
     *
     * @throws ClusterUnavailableException when it is closed, saying to open a new one
     */
    public void checkOpen() {
        if (liveness.isClosed()) {
            throw liveness.closedError();
        }
    }

    /** The failure of whatever is asked of the cluster once it is closed. */
    public ClusterUnavailableException closedError() {
        return liveness.closedError();
    }

    /** Fails what waits in the dispatchers and forgets the accumulate states; before the client stops. */
    public void close() {
        if (liveness.isClosed()) {
            return;
        }
        lifetimes.forgetStates();
        if (!liveness.hasGivenUp() && !liveness.disconnected()) {
            // A named state destroyed just before closing is removed still.
            namedStates.names().awaitRemovals(timeout.compareTo(REMOVAL_WAIT) < 0 ? timeout : REMOVAL_WAIT);
        }
        liveness.close();
        timeouts.close();
        link.close();
        lifetimes.abandonAll(liveness.closedError());
    }

    /** Stops the driver's threads; after the client node stopped, so that late completions still run. */
    public void shutdown() {
        threads.shutdown();
    }
}
