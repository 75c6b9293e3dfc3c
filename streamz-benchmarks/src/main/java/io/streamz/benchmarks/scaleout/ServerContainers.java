package io.streamz.benchmarks.scaleout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * {@code n} streamz server containers of the server image, each limited to a share of the CPUs (what
 * {@code docker run --cpus} sets, on a shorter period: {@link #CPU_PERIOD_MICROS}), on a Docker network of their own, configured as {@code docker/docker-compose.yml} configures its
 * servers: mutual TLS with make-certs.sh's material mounted read-only, and discovery by the network aliases
 * {@code ignite-1..n}. Driven with the {@code docker} command, so the benchmark needs no Docker library; the
 * driver joins with {@link #discoveryAddresses()} (container IPs: the aliases do not resolve on the host).
 *
 * <p>{@link #start} returns once every node logged a topology of {@code n} servers. {@link #close()} removes
 * the containers and the network, as a shutdown hook does if the JVM exits first; a JVM killed runs no hook,
 * and its leftovers carry the label {@value #LABEL}: {@code docker rm -f $(docker ps -aq --filter
 * label=io.streamz.scaleout)}, then {@code docker network prune -f --filter label=io.streamz.scaleout}.
 * Not thread-safe: one thread starts, samples and closes.
 */
final class ServerContainers implements AutoCloseable {
    static final String LABEL = "io.streamz.scaleout";
    private static final String TLS_MOUNT = "/etc/streamz/tls";
    private static final int DISCOVERY_PORT = 47500;
    private static final Duration DOCKER_COMMAND_TIMEOUT = Duration.ofSeconds(60);
    /**
     * The CFS period of the CPU limit: {@code --cpus 0.5} alone means 50 ms of CPU per 100 ms period, so a node
     * that used its 50 ms stands frozen for up to 50 ms, and every node waiting on it (a result's backup copy is
     * written synchronously to another server) waits as long. A 10 ms period gives the same share with freezes of
     * at most 5 ms.
     */
    static final long CPU_PERIOD_MICROS = 10_000;

    private final String name;
    private final int servers;
    private final List<String> containers = new ArrayList<>();
    private final List<String> ips = new ArrayList<>();
    private final Thread removeOnExit = new Thread(this::remove, "remove scale-out containers");
    private boolean networkCreated;

    private ServerContainers(int servers) {
        this.servers = servers;
        this.name = "streamz-scaleout-" + ProcessHandle.current().pid() + "-" + servers;
    }

    /**
     * Starts {@code servers} containers of {@code image}, each with {@code cpus} CPUs at most, presenting the
     * TLS material in {@code tls}, and waits up to {@code timeout} until they form one cluster.
     *
     * @throws IllegalStateException when Docker refuses, or the cluster does not form in time (with the logs)
     */
    static ServerContainers start(int servers, String image, double cpus, Path tls, Duration timeout) {
        if (!Files.isRegularFile(tls.resolve("server.p12"))) {
            throw new IllegalStateException(tls.toAbsolutePath() + " holds no server.p12: make the cluster's"
                    + " certificates first with docker/scripts/make-certs.sh (or pass --tls DIR)");
        }
        ServerContainers cluster = new ServerContainers(servers);
        Runtime.getRuntime().addShutdownHook(cluster.removeOnExit);
        try {
            cluster.run(image, cpus, tls.toAbsolutePath());
            cluster.awaitTopology(timeout);
            return cluster;
        } catch (RuntimeException e) {
            String logs = cluster.logs();
            cluster.close();
            throw new IllegalStateException("A cluster of " + servers + " containers of " + image
                    + " did not come up; its logs:\n" + logs, e);
        }
    }

    private void run(String image, double cpus, Path tls) {
        docker("network", "create", "--label", LABEL + "=true", name);
        networkCreated = true;
        String addresses = IntStream.rangeClosed(1, servers).mapToObj(i -> alias(i) + ":" + DISCOVERY_PORT)
                .collect(Collectors.joining(","));
        for (int i = 1; i <= servers; i++) {
            containers.add(docker("run", "-d", "--name", name + "-" + i, "--label", LABEL + "=true",
                    "--network", name, "--network-alias", alias(i), "--hostname", alias(i),
                    "--cpu-period", Long.toString(CPU_PERIOD_MICROS),
                    "--cpu-quota", Long.toString(Math.max(1000, Math.round(cpus * CPU_PERIOD_MICROS))),
                    "-e", "STREAMZ_DISCOVERY_ADDRESSES=" + addresses,
                    "-v", tls + ":" + TLS_MOUNT + ":ro", image).strip());
        }
        for (String container : containers) {
            ips.add(docker("inspect", "-f", "{{(index .NetworkSettings.Networks \"" + name + "\").IPAddress}}",
                    container).strip());
        }
    }

    private static String alias(int index) {
        return "ignite-" + index;
    }

    // Ignite prints topology snapshots out of order, so any line with n servers will do.
    private void awaitTopology(Duration timeout) {
        Pattern formed = Pattern.compile("Topology snapshot .*servers=" + servers + ",");
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String container : containers) {
            while (!formed.matcher(docker("logs", container)).find()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(container + " saw no topology of " + servers + " servers within "
                            + timeout.toSeconds() + " s");
                }
                pause(Duration.ofMillis(500));
            }
        }
    }

    /** {@code ip:47500} of every container, for {@code IgniteCluster.connect}. */
    String[] discoveryAddresses() {
        return ips.stream().map(ip -> ip + ":" + DISCOVERY_PORT).toArray(String[]::new);
    }

    /**
     * The CPU each container uses now, as {@code docker stats} reports it (percent of one core; a container at
     * its {@code --cpus 0.5} limit shows about 50), averaged over the containers. Takes a second or two.
     */
    double cpuPercentPerContainer() {
        List<String> command = new ArrayList<>(List.of("stats", "--no-stream", "--format", "{{.CPUPerc}}"));
        command.addAll(containers);
        return docker(command.toArray(String[]::new)).lines()
                .map(line -> line.replace("%", "").strip())
                .filter(line -> !line.isEmpty())
                .mapToDouble(Double::parseDouble)
                .average()
                .orElse(Double.NaN);
    }

    /** Every container's log, for error messages. */
    String logs() {
        StringBuilder all = new StringBuilder();
        for (String container : containers) {
            all.append("---- ").append(container).append('\n');
            try {
                all.append(docker("logs", container));
            } catch (RuntimeException e) {
                all.append("(logs unavailable: ").append(e.getMessage()).append(")\n");
            }
        }
        return all.toString();
    }

    /** Removes the containers and the network. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(removeOnExit);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook runs (or ran) remove itself.
        }
        remove();
    }

    // Each step on its own: a container that cannot be removed must not leave the network behind unreported.
    private synchronized void remove() {
        if (!containers.isEmpty()) {
            List<String> command = new ArrayList<>(List.of("rm", "-f"));
            command.addAll(containers);
            try {
                docker(command.toArray(String[]::new));
                containers.clear();
            } catch (RuntimeException e) {
                System.err.println("Could not remove the containers " + containers + ": " + e.getMessage());
            }
        }
        if (networkCreated) {
            try {
                docker("network", "rm", name);
                networkCreated = false;
            } catch (RuntimeException e) {
                System.err.println("Could not remove the network " + name + ": " + e.getMessage());
            }
        }
    }

    /** Runs {@code docker args...} and returns its standard output; fails with its output unless it exits 0. */
    private static String docker(String... args) {
        List<String> command = new ArrayList<>();
        command.add("docker");
        command.addAll(Arrays.asList(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            // Read before waiting: a full pipe would block the command.
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(DOCKER_COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within "
                        + DOCKER_COMMAND_TIMEOUT.toSeconds() + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue()
                        + ": " + output.strip());
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + String.join(" ", command)
                    + ": the scale-out benchmark needs the docker command and a running Docker engine", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the cluster to form", e);
        }
    }

    @Override
    public String toString() {
        return "ServerContainers[" + servers + " on network " + name + ", " + ips + "]";
    }
}
