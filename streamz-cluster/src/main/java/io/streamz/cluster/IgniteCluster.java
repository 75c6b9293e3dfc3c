package io.streamz.cluster;

import io.streamz.Stream;
import io.streamz.cluster.config.PersistentBaseline;
import io.streamz.cluster.internal.driver.ClusterContext;
import io.streamz.cluster.internal.job.Caches;
import io.streamz.cluster.internal.startup.JoinFailure;
import io.streamz.cluster.internal.startup.LocalPorts;
import io.streamz.cluster.internal.startup.NodeConfigs;
import io.streamz.cluster.internal.startup.WorkDirectory;
import io.streamz.cluster.internal.stream.IgniteClusterStream;
import io.streamz.cluster.internal.stream.Warmup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteException;
import org.apache.ignite.IgniteState;
import org.apache.ignite.Ignition;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Apache Ignite cluster that cluster streams run on: {@link #local(int)} starts one inside this
 * JVM, {@link #connect(String...)} and {@link #connect(Path)} join a running one. Either way this JVM
 * takes part as a thick client node, the driver: it builds the streams, sends their steps to the
 * servers as compute tasks and gathers the results.
 *
 * <p>While open, the cluster is registered with {@link ClusterRegistry}, so {@link Stream#scatter()}
 * finds it when it is the only one or was made {@linkplain #makeDefault() default}. {@link #close()}
 * leaves the cluster (and stops it, for a local one): elements still waiting fail with
 * {@link ClusterUnavailableException}.
 *
 * <p>When every server is gone (the whole cluster restarted), the driver keeps trying to reconnect to
 * the configured addresses and comes back by itself once servers answer there again, without
 * reopening: it logs "lost the cluster" at WARN and "reconnected after N s" at INFO. Elements
 * emitted meanwhile fail with {@link ClusterUnavailableException} after the operation timeout; an
 * {@code accumulate} whose state went with the servers fails with {@link ClusterStateLostException}.
 *
 * <p>Nodes are configured from the Spring XML of module cluster-config ({@code server.xml},
 * {@code client.xml}); see {@link IgniteClusterOptions} for the operation timeout and threads.
 *
 * <p>Security: {@code connect} uses mutual TLS with the certificates of
 * {@link IgniteClusterOptions#withTls(Path)} (or of {@code streamz.tls.dir} / {@code STREAMZ_TLS_DIR}, read by
 * {@code client.xml}), as the Docker cluster requires. The embedded cluster of {@link #local} stays plain TCP: its
 * nodes talk over loopback inside this JVM, but anyone on this machine could join it while it runs.
 */
public final class IgniteCluster implements Cluster {
    private static final Logger LOG = LoggerFactory.getLogger(IgniteCluster.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private static final int START_ATTEMPTS = 3;

    private final String name;
    private final Ignite client;
    private final List<String> serverNames;
    private final List<String> discoveryAddresses;
    /** The loopback ports of a {@link #local} cluster; {@code null} for one joined. */
    private final LocalPorts ports;
    private final Path workDirectory;
    private final IgniteClusterOptions options;
    private final ClusterContext context;
    private final AtomicBoolean closed = new AtomicBoolean();

    private IgniteCluster(String name, Ignite client, List<String> serverNames, List<String> discoveryAddresses,
                          LocalPorts ports, Path workDirectory, IgniteClusterOptions options) {
        this.name = name;
        this.client = client;
        this.serverNames = List.copyOf(serverNames);
        this.discoveryAddresses = discoveryAddresses == null ? List.of() : List.copyOf(discoveryAddresses);
        this.ports = ports;
        this.workDirectory = workDirectory;
        this.options = options;
        ClusterContext created;
        try {
            created = new ClusterContext(this, client, name, options, contextClassLoader());
        } catch (RuntimeException e) {
            stopNodes();
            throw e;
        }
        this.context = created;
        long warmupStart = System.nanoTime();
        Warmup.run(created);
        LOG.info("{}: joined; the cluster path warmed up in {} ms", name, (System.nanoTime() - warmupStart) / 1_000_000);
        ClusterRegistry.opened(this);
    }

    // ---------------------------------------------------------------- opening

    /** Starts {@code servers} server nodes and a client node in this JVM, with the default options. */
    public static IgniteCluster local(int servers) {
        return local(servers, IgniteClusterOptions.DEFAULTS);
    }

    /**
     * Starts {@code servers} server nodes and a client node in this JVM: on loopback ports of their
     * own (so two JVMs never merge clusters), in a temporary work directory removed on close, with
     * small data regions and Ignite's logging quiet. Takes 2-4 s on a 2-core machine, about 1 s of it
     * warming the cluster path up (see the README).
     */
    public static IgniteCluster local(int servers, IgniteClusterOptions options) {
        if (servers < 1) {
            throw new IllegalArgumentException("a local cluster needs at least 1 server, was " + servers);
        }
        Objects.requireNonNull(options, "options must not be null: use IgniteClusterOptions.defaults()");
        QuietLogging.apply();
        String prefix = "streamz-local-" + INSTANCES.incrementAndGet();
        Path workDir = WorkDirectory.create();
        boolean persistent = options.persistenceDirectory() != null;
        Path serverDir = persistent ? options.persistenceDirectory() : workDir;
        for (int attempt = 1; ; attempt++) {
            LocalPorts ports = LocalPorts.find(servers);
            List<String> names = new ArrayList<>();
            try {
                for (int i = 0; i < servers; i++) {
                    names.add(Ignition.start(NodeConfigs.localServer(prefix + "-server-" + i, ports, i, servers, serverDir,
                            options.threads(), persistent)).name());
                }
                if (persistent) {
                    awaitActive(Ignition.ignite(names.get(0)), servers, serverDir);
                }
                Ignite client = Ignition.start(NodeConfigs.localClient(prefix + "-client", ports, servers, workDir));
                String description = "local Ignite cluster of " + servers + (servers == 1 ? " server" : " servers");
                return new IgniteCluster(description, client, names, ports.discoveryAddresses(), ports, workDir, options);
            } catch (IllegalStateException inactive) {
                stop(names);
                WorkDirectory.delete(workDir);
                throw inactive;
            } catch (IgniteException e) {
                names.add(prefix + "-client");
                stop(names);
                if (attempt == START_ATTEMPTS) {
                    WorkDirectory.delete(workDir);
                    throw new IllegalStateException("could not start a local Ignite cluster: " + e.getMessage(), e);
                }
                // Most likely a port was taken between choosing and binding it: choose again.
            }
        }
    }

    /**
     * Waits until the persistent servers just started are active: the last of them activates a first
     * start, Ignite a restart once every server of the last run is back (no event tells this node, so
     * it asks every 50 ms, for the time Ignite's discovery takes at most to join, 10 s).
     */
    private static void awaitActive(Ignite server, int servers, Path workDir) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!PersistentBaseline.settle(server, servers, PersistentBaseline.DEFAULT_AUTO_ADJUST_MILLIS)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the servers persisting in " + workDir + " did not become active in 10 s: were they "
                        + "last started with more servers than " + servers + "? Start as many, or use another directory");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the servers in " + workDir + " to become active", e);
            }
        }
    }

    /** Joins the cluster whose servers' discovery listens at {@code addresses}, with the default options. */
    public static IgniteCluster connect(String... addresses) {
        return connect(IgniteClusterOptions.DEFAULTS, addresses);
    }

    /**
     * Joins, as a thick client, the cluster whose servers' discovery listens at {@code addresses}:
     * {@code host:port} or {@code host:port..port}, e.g. {@code "172.17.0.2:47500"} for a server in a
     * container. The client opens every connection to the servers itself, so servers in containers
     * need no route back to it. Fails after about 10 s when no server answers.
     */
    public static IgniteCluster connect(IgniteClusterOptions options, String... addresses) {
        Objects.requireNonNull(options, "options must not be null: use IgniteClusterOptions.defaults()");
        if (addresses == null || addresses.length == 0 || Arrays.stream(addresses).anyMatch(a -> a == null || a.isBlank())) {
            throw new IllegalArgumentException("connect needs the servers' discovery addresses, e.g. connect(\"10.0.0.5:47500\"), got "
                    + Arrays.toString(addresses));
        }
        List<String> list = Arrays.stream(addresses).map(String::trim).toList();
        Path workDir = WorkDirectory.create();
        String instance = "streamz-client-" + INSTANCES.incrementAndGet();
        Ignite client = startClient(NodeConfigs.client(instance, list, workDir, options.tlsDirectory()), workDir, "at " + String.join(",", list));
        return new IgniteCluster("Ignite cluster at " + String.join(",", list), client, List.of(), list, null, workDir, options);
    }

    /** Joins the cluster that the Spring XML file describes, with the default options. */
    public static IgniteCluster connect(Path springXml) {
        return connect(springXml, IgniteClusterOptions.DEFAULTS);
    }

    /**
     * Joins, as a thick client, the cluster that the Spring XML file describes (one
     * {@code IgniteConfiguration} bean; client mode is forced, the instance name replaced).
     */
    public static IgniteCluster connect(Path springXml, IgniteClusterOptions options) {
        Objects.requireNonNull(springXml, "springXml must not be null");
        Objects.requireNonNull(options, "options must not be null: use IgniteClusterOptions.defaults()");
        Path workDir = WorkDirectory.create();
        String instance = "streamz-client-" + INSTANCES.incrementAndGet();
        IgniteConfiguration cfg = NodeConfigs.fromSpring(springXml, instance, workDir, options.tlsDirectory());
        List<String> addresses = NodeConfigs.addresses(cfg);
        String where = addresses == null ? "configured by " + springXml : "at " + String.join(",", addresses);
        Ignite client = startClient(cfg, workDir, where);
        return new IgniteCluster("Ignite cluster " + where, client, List.of(), addresses, null, workDir, options);
    }

    private static Ignite startClient(IgniteConfiguration cfg, Path workDir, String where) {
        QuietLogging.apply();
        try {
            return Ignition.start(cfg);
        } catch (IgniteException e) {
            stop(List.of(cfg.getIgniteInstanceName()));
            WorkDirectory.delete(workDir);
            throw new ClusterUnavailableException("could not join the Ignite cluster " + where + ": " + JoinFailure.describe(e), e);
        }
    }

    // ---------------------------------------------------------------- using

    /** A cluster stream fed by {@code upstream}. Prefer {@code upstream.scatter(cluster)}. */
    @Override
    public <T> ClusterStream<T> scatter(Stream<T> upstream) {
        Objects.requireNonNull(upstream, "upstream must not be null");
        return IgniteClusterStream.scatter(this, upstream);
    }

    /** The client node of this JVM, for what streamz does not cover. */
    public Ignite ignite() {
        return client;
    }

    @Override
    public IgniteCluster makeDefault() {
        ClusterRegistry.setDefault(this);
        return this;
    }

    public IgniteClusterOptions options() {
        return options;
    }

    /** The Ignite instance names of the servers started by {@link #local}, e.g. for {@code Ignition.stop}; empty otherwise. */
    public List<String> serverNames() {
        return serverNames;
    }

    /** The servers' discovery addresses ({@code host:port}) when known, e.g. to {@link #connect} another client. */
    public List<String> discoveryAddresses() {
        return discoveryAddresses;
    }

    /**
     * Completes once this driver is connected to the cluster: at once while it is, else when it is back
     * after losing every server and has made the caches again (for tests that restart the servers).
     */
    CompletableFuture<Void> whenConnected() {
        return context.whenConnected();
    }

    /** The configuration of server {@code i} of a {@link #local} cluster, to start it again after a test stopped it. */
    IgniteConfiguration localServerConfiguration(int i) {
        if (ports == null) {
            throw new IllegalStateException(name + " was joined, not started here: it has no local servers");
        }
        Path persisted = options.persistenceDirectory();
        return NodeConfigs.localServer(serverNames.get(i), ports, i, serverNames.size(), persisted != null ? persisted : workDirectory,
                options.threads(), persisted != null);
    }

    /**
     * How many results wait in the cluster's data cache (those of every driver of the cluster). Waits
     * up to the operation timeout for the servers.
     *
     * @throws ClusterUnavailableException when the cluster is closed, or no server answered in time
     */
    public int storedResults() {
        return count(Caches.DATA, "results");
    }

    /**
     * How many accumulate states the cluster holds (those of every driver of the cluster). Waits up to
     * the operation timeout for the servers.
     *
     * @throws ClusterUnavailableException when the cluster is closed, or no server answered in time
     */
    public int storedStates() {
        return count(Caches.STATE, "states");
    }

    private int count(String cache, String what) {
        context.checkOpen();
        // On a callback thread: Ignite may block the caller until it notices that the servers are gone.
        CompletableFuture<Integer> size = CompletableFuture.supplyAsync(() -> client.cache(cache).size(), context::execute);
        try {
            return size.get(options.operationTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(what, e);
        } catch (ExecutionException e) {
            // Disconnected, stopped: Ignite says it with several exception types.
            throw unavailable(what, e.getCause());
        } catch (TimeoutException e) {
            throw unavailable(what, e);
        }
    }

    private ClusterUnavailableException unavailable(String what, Throwable cause) {
        return new ClusterUnavailableException(name + " could not count its stored " + what + " within "
                + options.operationTimeout().toMillis() / 1000.0 + " s: no server answered; are its servers running? "
                + "Last error: " + cause, cause);
    }

    /** E.g. {@code local Ignite cluster of 2 servers}, {@code Ignite cluster at 172.17.0.2:47500}. */
    @Override
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }

    // ---------------------------------------------------------------- closing

    /**
     * Leaves the cluster; a local one is stopped and its work directory removed. Elements still
     * waiting for the cluster fail with {@link ClusterUnavailableException}. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        ClusterRegistry.closed(this);
        try {
            context.close();
        } finally {
            stopNodes();
            context.shutdown();
        }
    }

    private void stopNodes() {
        List<String> nodes = new ArrayList<>(serverNames);
        nodes.add(client.name());
        Collections.reverse(nodes);
        stop(nodes);
        WorkDirectory.delete(workDirectory);
    }

    /** Stops the nodes still running (a test may have stopped a server already), cancelling their jobs. */
    private static void stop(List<String> instances) {
        for (String instance : instances) {
            if (Ignition.state(instance) == IgniteState.STARTED) {
                Ignition.stop(instance, true);
            }
        }
    }

    private static ClassLoader contextClassLoader() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader != null ? loader : IgniteCluster.class.getClassLoader();
    }
}
