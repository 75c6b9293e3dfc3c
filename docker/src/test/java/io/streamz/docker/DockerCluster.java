package io.streamz.docker;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.InternalServerErrorException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.Volume;
import io.streamz.cluster.IgniteCluster;
import io.streamz.cluster.IgniteClusterOptions;
import io.streamz.cluster.config.PersistentBaseline;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.containers.wait.strategy.WaitAllStrategy;
import org.testcontainers.lifecycle.Startables;

/**
 * A streamz cluster of {@code n} server nodes, each in a container of the {@link ServerImage}, on a Docker network
 * of its own, found by each other through their network aliases {@code ignite-1..n}. The test JVM joins as a thick
 * client with {@link #discoveryAddresses()} (container IPs: container names do not resolve on the host).
 *
 * <p>Configured as {@code docker-compose.yml} configures its servers: mutual TLS with the material of
 * {@link TestCertificates#cluster()} mounted read-only at {@code /etc/streamz/tls} (the driver presents its client
 * certificate through {@link #connect(IgniteClusterOptions)} or {@link #tlsDirectory()}), and the restart policy
 * {@code unless-stopped}: a node that halts itself comes back, one {@link #kill(int) killed} stays down.
 *
 * <p>{@link #start(int)} returns once every node has logged {@code Ignite node started OK} and a topology of
 * {@code n} servers, so a cluster that split in two never passes for a started one. Ryuk is disabled on these
 * machines, so {@link #close()} removes the containers and the network, and a shutdown hook does it if the JVM
 * exits first. A JVM killed or halted runs no hook; its leftovers carry the label {@value #LABEL}:
 * {@code docker rm -f $(docker ps -aq --filter label=io.streamz.docker-it)}, then the same for {@code docker network}.
 */
final class DockerCluster implements AutoCloseable {

    static final String LABEL = "io.streamz.docker-it";
    static final int DISCOVERY_PORT = 47500;
    static final int COMMUNICATION_PORT = 47100;
    /** Where the image looks for its TLS material (its STREAMZ_TLS_DIR), as docker-compose.yml mounts it. */
    static final String TLS_MOUNT = "/etc/streamz/tls";

    // Generous: only a broken start waits this long, and the 2 cores may be busy with other builds.
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);
    /** Tries of a {@code docker pause} the freezer could not complete (see {@link #pause(int)}). */
    private static final int PAUSE_ATTEMPTS = 5;

    private final Path tlsDirectory = TestCertificates.cluster();
    private final Network network;
    private final List<GenericContainer<?>> nodes;
    private final List<String> ips = new ArrayList<>();
    private final Thread removeOnExit = new Thread(this::removeAll, "docker-cluster-cleanup");
    private final boolean persistent;

    private DockerCluster(int servers, boolean persistent) {
        this.persistent = persistent;
        network = Network.builder()
            .createNetworkCmdModifier(cmd -> cmd.withLabels(Map.of(LABEL, "true")))
            .build();
        String aliases = IntStream.rangeClosed(1, servers)
            .mapToObj(i -> alias(i) + ":" + DISCOVERY_PORT)
            .collect(Collectors.joining(","));
        nodes = IntStream.rangeClosed(1, servers)
            .mapToObj(i -> node(i, servers, aliases))
            .collect(Collectors.toList());
    }

    /**
     * Starts {@code servers} nodes at once and waits until they form one cluster. Fails (or, without Docker and
     * outside CI, skips) the calling test as {@link ServerImage#name()} does.
     */
    static DockerCluster start(int servers) {
        return start(servers, false);
    }

    /**
     * Starts {@code servers} nodes that persist named states, as {@code docker-compose.yml} runs them (fixed
     * consistent ids, the baseline activated once all are up; their work directory stays in the container across
     * a restart), and waits until they form one active cluster.
     */
    static DockerCluster startPersistent(int servers) {
        return start(servers, true);
    }

    private static DockerCluster start(int servers, boolean persistent) {
        String image = ServerImage.name();
        DockerCluster cluster = new DockerCluster(servers, persistent);
        Runtime.getRuntime().addShutdownHook(cluster.removeOnExit);
        try {
            Startables.deepStart(cluster.nodes).join();
            for (GenericContainer<?> node : cluster.nodes)
                cluster.ips.add(ipOn(cluster.network, node));
            return cluster;
        }
        catch (RuntimeException | Error e) {
            String logs = cluster.logs();
            cluster.close();
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("A " + servers + "-node cluster of " + image + " did not come up (startup"
                + " timeout " + STARTUP_TIMEOUT.toSeconds() + " s). Node logs:\n" + logs, cause);
        }
    }

    private GenericContainer<?> node(int index, int servers, String discoveryAddresses) {
        GenericContainer<?> node = new GenericContainer<>(ServerImage.name());
        WaitAllStrategy started = new WaitAllStrategy()
            .withStrategy(Wait.forLogMessage(".*Ignite node started OK.*\\n", 1))
            // Ignite prints topology snapshots out of order, so any line with n servers will do.
            .withStrategy(Wait.forLogMessage(".*Topology snapshot .*servers=" + servers + ",.*\\n", 1));
        if (persistent) {
            node.withEnv("STREAMZ_PERSISTENCE", "true")
                .withEnv("STREAMZ_CONSISTENT_ID", alias(index))
                .withEnv("STREAMZ_BASELINE_SERVERS", String.valueOf(servers));
            started.withStrategy(Wait.forLogMessage(".*" + PersistentBaseline.ACTIVE + ".*\\n", 1));
        }
        return node
            .withNetwork(network)
            .withNetworkAliases(alias(index))
            .withLabel(LABEL, "true")
            .withEnv("STREAMZ_DISCOVERY_ADDRESSES", discoveryAddresses)
            .withCreateContainerCmdModifier(cmd -> mountTls(cmd, tlsDirectory).getHostConfig()
                .withRestartPolicy(RestartPolicy.unlessStoppedRestart()))
            .waitingFor(started.withStartupTimeout(STARTUP_TIMEOUT));
    }

    /**
     * Mounts {@code dir} read-only where the image looks for its TLS material. Not by {@code withFileSystemBind}: that
     * makes Testcontainers check file mounting with an alpine container, which cannot be pulled here.
     */
    static CreateContainerCmd mountTls(CreateContainerCmd cmd, Path dir) {
        return cmd.withHostConfig(cmd.getHostConfig().withBinds(new Bind(dir.toString(), new Volume(TLS_MOUNT), AccessMode.ro)));
    }

    private static String alias(int index) {
        return "ignite-" + index;
    }

    private static String ipOn(Network network, GenericContainer<?> node) {
        return ipOn(network, node, node.getContainerInfo());
    }

    private static String ipOn(Network network, GenericContainer<?> node, InspectContainerResponse info) {
        return attachment(network, node, info).getIpAddress();
    }

    /** How {@code node} is attached to {@code network}, as {@code info} says. */
    private static ContainerNetwork attachment(Network network, GenericContainer<?> node, InspectContainerResponse info) {
        return info.getNetworkSettings().getNetworks().values().stream()
            .filter(n -> network.getId().equals(n.getNetworkID()))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException(node.getContainerName() + " is not on " + network.getId()));
    }

    /** The number of server nodes started. */
    int size() {
        return nodes.size();
    }

    /** {@code ip:47500} of every node started (killed ones included), for {@code IgniteCluster.connect}. */
    String[] discoveryAddresses() {
        return ips.stream().map(ip -> ip + ":" + DISCOVERY_PORT).toArray(String[]::new);
    }

    /**
     * This machine's address on the nodes' network (its gateway): the nodes reach a service of the test JVM there
     * (one listening on every address, as a test Kafka broker), and so does the test JVM itself.
     */
    String hostAddress() {
        GenericContainer<?> first = nodes.get(0);
        return attachment(network, first, first.getContainerInfo()).getGateway();
    }

    /** The TLS material the nodes present and trust: a driver presents its {@code client.p12}. */
    Path tlsDirectory() {
        return tlsDirectory;
    }

    /** Joins the cluster as a driver with the default options, presenting the client certificate. */
    IgniteCluster connect() {
        return connect(IgniteClusterOptions.defaults());
    }

    /** Joins the cluster as a driver with {@code options}, presenting the client certificate. */
    IgniteCluster connect(IgniteClusterOptions options) {
        return IgniteCluster.connect(options.withTls(tlsDirectory), discoveryAddresses());
    }

    /** The number of times Docker restarted node {@code index} (0-based) by its restart policy. */
    long restartCount(int index) {
        GenericContainer<?> node = nodes.get(index);
        Integer count = DockerClientFactory.instance().client().inspectContainerCmd(node.getContainerId()).exec()
            .getRestartCount();
        return count == null ? 0 : count;
    }

    /** Runs {@code command} in node {@code index} (0-based) and returns its standard output; fails unless it exits 0. */
    String exec(int index, String... command) throws IOException, InterruptedException {
        Container.ExecResult result = nodes.get(index).execInContainer(command);
        if (result.getExitCode() != 0)
            throw new AssertionError(String.join(" ", command) + " in " + alias(index + 1) + " exited with "
                + result.getExitCode() + ": " + result.getStderr());
        return result.getStdout();
    }

    /** The host name of each node, which is what {@code HOSTNAME} says inside it, in start order. */
    List<String> hostNames() {
        return nodes.stream().map(n -> n.getContainerInfo().getConfig().getHostName()).collect(Collectors.toList());
    }

    /** SIGKILL to node {@code index} (0-based): no shutdown hook, no goodbye to the others; as a crash. */
    void kill(int index) {
        GenericContainer<?> node = nodes.get(index);
        DockerClientFactory.instance().client().killContainerCmd(node.getContainerId()).exec();
    }

    /**
     * {@code docker pause} of node {@code index} (0-based): its processes are frozen, its sockets stay open, so the
     * others see it go silent rather than go away, as a node stuck in a long GC pause or on a stalled host.
     */
    void pause(int index) throws InterruptedException {
        // On a busy host the cgroup freezer can fail to catch every thread in time ("OCI runtime pause failed:
        // unable to freeze"); runc then thaws the container again, so the pause may simply be tried again.
        for (int attempt = 1; ; attempt++) {
            try {
                DockerClientFactory.instance().client().pauseContainerCmd(nodes.get(index).getContainerId()).exec();
                return;
            }
            catch (InternalServerErrorException notFrozen) {
                if (attempt == PAUSE_ATTEMPTS || !String.valueOf(notFrozen.getMessage()).contains("unable to freeze"))
                    throw notFrozen;
                Thread.sleep(200);
            }
        }
    }

    /** {@code docker unpause} of node {@code index} (0-based), after {@link #pause(int)}. */
    void unpause(int index) {
        DockerClientFactory.instance().client().unpauseContainerCmd(nodes.get(index).getContainerId()).exec();
    }

    /** Whether node {@code index} (0-based) runs, as Docker sees it: false once it exited and was not restarted. */
    boolean running(int index) {
        return nodes.get(index).isRunning();
    }

    /**
     * SIGQUIT to node {@code index} (0-based): its JVM (the container's first process) prints a thread dump to its
     * log and goes on, which shows where a node that should have stopped is stuck.
     */
    void threadDump(int index) {
        DockerClientFactory.instance().client().killContainerCmd(nodes.get(index).getContainerId()).withSignal("QUIT")
            .exec();
    }

    /** {@link #kill(int)} of every node. */
    void killAll() {
        for (int i = 0; i < nodes.size(); i++)
            kill(i);
    }

    /**
     * Restarts every node at once, as {@code docker-compose restart} does: each container is stopped (SIGTERM, then
     * SIGKILL after Docker's 10 s) and started again, keeping its id, name and network alias. Returns once every
     * node has logged {@code Ignite node started OK} again, so that the next test finds a cluster; fails after the
     * startup timeout. Docker may hand the restarted containers each other's IPs, which a driver that joined by IP
     * ({@link #discoveryAddresses()}) does not mind; it fails, naming the addresses, if one came back with an IP
     * outside that list.
     */
    void restartAll() throws InterruptedException {
        List<Integer> startsBefore = nodes.stream().map(DockerCluster::starts).toList();
        ExecutorService restarting = Executors.newFixedThreadPool(nodes.size());
        try {
            // One thread per node: one after the other, the first ones would be back before the last one stopped.
            CompletableFuture.allOf(nodes.stream()
                .map(node -> CompletableFuture.runAsync(
                    () -> DockerClientFactory.instance().client().restartContainerCmd(node.getContainerId()).exec(),
                    restarting))
                .toArray(CompletableFuture[]::new)).join();
        }
        finally {
            restarting.shutdown();
        }
        // What Docker says now: GenericContainer's own container info is the one read at start.
        Set<String> now = nodes.stream()
            .map(node -> ipOn(network, node,
                DockerClientFactory.instance().client().inspectContainerCmd(node.getContainerId()).exec()))
            .collect(Collectors.toSet());
        if (!now.equals(Set.copyOf(ips)))
            throw new IllegalStateException("The nodes came back from their restart with the IPs " + now
                + " instead of " + ips + ": a driver that joined by IP cannot find them all. Docker gave an address"
                + " away meanwhile; run the test again with no other containers starting on its network.");
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        for (int i = 0; i < nodes.size(); i++) {
            while (starts(nodes.get(i)) <= startsBefore.get(i)) {
                if (System.nanoTime() > deadline)
                    throw new IllegalStateException(alias(i + 1) + " did not start Ignite again within "
                        + STARTUP_TIMEOUT.toSeconds() + " s of its restart. Node logs:\n" + logs());
                Thread.sleep(200);
            }
        }
    }

    /** How many times {@code node} logged that its Ignite node started: Docker keeps the log across restarts. */
    private static int starts(GenericContainer<?> node) {
        return count(node, "Ignite node started OK");
    }

    private static int count(GenericContainer<?> node, String line) {
        return node.getLogs().split(line, -1).length - 1;
    }

    /**
     * Waits until every node of a {@link #startPersistent persistent} cluster has logged {@code times} times that it
     * saw the cluster active; fails after the startup timeout.
     */
    void awaitActive(int times) throws InterruptedException {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        for (int i = 0; i < nodes.size(); i++) {
            while (count(nodes.get(i), PersistentBaseline.ACTIVE) < times) {
                if (System.nanoTime() > deadline)
                    throw new IllegalStateException(alias(i + 1) + " did not see the cluster active within "
                        + STARTUP_TIMEOUT.toSeconds() + " s. Node logs:\n" + logs());
                Thread.sleep(200);
            }
        }
    }

    /**
     * Waits until a node logs a line containing {@code text} (as a remote function does with {@code System.out}),
     * so that a test knows where its job runs; returns that node's index. Fails after {@code timeout}.
     */
    int awaitLog(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (int i = 0; i < nodes.size(); i++) {
                if (nodes.get(i).getLogs().contains(text))
                    return i;
            }
            if (System.nanoTime() > deadline)
                throw new AssertionError("No node logged \"" + text + "\" within " + timeout + ". Logs:\n" + logs());
            Thread.sleep(50);
        }
    }

    /**
     * Polls {@code condition} on the calling thread until it holds and returns how long that took; fails after
     * {@code timeout} with {@code what} and every node's log in the message.
     */
    Duration await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long start = System.nanoTime();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - start > timeout.toNanos())
                throw new AssertionError("Not within " + timeout.toSeconds() + " s: " + what + ". Logs:\n" + logs());
            Thread.sleep(50);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Every node's log so far, for assertion messages. */
    /** What node {@code index} (0-based) wrote so far, across its restarts. */
    String log(int index) {
        return nodes.get(index).getLogs();
    }

    String logs() {
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            GenericContainer<?> node = nodes.get(i);
            all.append("---- ").append(alias(i + 1)).append('\n');
            try {
                all.append(node.getContainerId() == null ? "(not created)\n" : node.getLogs());
            }
            catch (RuntimeException e) {
                all.append("(logs unavailable: ").append(e).append(")\n");
            }
        }
        return all.toString();
    }

    /** Removes the containers and the network. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(removeOnExit);
        }
        catch (IllegalStateException alreadyShuttingDown) {
            // The hook runs (or ran) removeAll itself.
        }
        removeAll();
    }

    // Each step on its own: a failure to remove one container must not leave the others running.
    private synchronized void removeAll() {
        for (GenericContainer<?> node : nodes) {
            try {
                node.stop();
            }
            catch (RuntimeException e) {
                System.err.println("Could not remove container " + node.getContainerId() + ": " + e);
            }
        }
        try {
            network.close();
        }
        catch (RuntimeException e) {
            System.err.println("Could not remove network " + network.getId() + ": " + e);
        }
    }
}
