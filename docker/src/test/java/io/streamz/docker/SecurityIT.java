package io.streamz.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.streamz.Stream;
import io.streamz.cluster.ClusterUnavailableException;
import io.streamz.cluster.IgniteCluster;
import io.streamz.cluster.config.TlsDirectory;
import io.streamz.cluster.config.TlsDirectory.Role;
import io.streamz.function.FunctionEx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteException;
import org.apache.ignite.Ignition;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.apache.ignite.failure.StopNodeFailureHandler;
import org.apache.ignite.lang.IgniteCallable;
import org.apache.ignite.logger.NullLogger;
import org.apache.ignite.spi.communication.tcp.TcpCommunicationSpi;
import org.apache.ignite.spi.discovery.tcp.TcpDiscoverySpi;
import org.apache.ignite.spi.discovery.tcp.ipfinder.vm.TcpDiscoveryVmIpFinder;
import org.apache.ignite.ssl.SslContextFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Docker cluster as an outsider meets it: mutual TLS lets in the driver with the cluster's client certificate,
 * and refuses a client with no certificate or one from another CA before it can run anything; the servers run as a
 * non-root user and listen only where they must. The tests share one cluster and leave it as they found it.
 *
 * <p>Whether code ran on a server is checked on the server's side: a closure that would create a marker file, then
 * {@code docker exec} in every container. The driver's broadcast of the same closure does create it, so the check
 * can fail.
 */
class SecurityIT {

    /** The image's user (docker/src/main/docker/Dockerfile), which make-certs.sh gives the TLS files to. */
    private static final String NODE_UID = "10001";
    /** How long an outsider tries to join: Ignite's TcpDiscoverySpi otherwise waits forever by default. */
    private static final Duration OUTSIDER_JOIN_TIMEOUT = Duration.ofSeconds(10);
    /** The bound on being refused; wide, as the 2 cores may be busy. */
    private static final Duration REFUSAL_LIMIT = Duration.ofSeconds(60);
    /** Docker's embedded DNS server, which it runs inside every container of a user-defined network, on loopback. */
    private static final String DOCKER_DNS = "127.0.0.11";

    private static final SharedCluster SHARED = new SharedCluster(2);
    private static DockerCluster containers;
    private static IgniteCluster driver;

    @BeforeEach
    void startTheSharedCluster() throws Throwable {
        SHARED.join();
        containers = SHARED.containers();
        driver = SHARED.driver();
    }

    @AfterAll
    static void stopCluster() {
        SHARED.close();
    }

    @Test
    void theDriverWithTheClusterClientCertificateRunsAPipeline() {
        FunctionEx<Integer, Long> square = x -> (long)x * x;
        Stream<Integer> source = Stream.create("numbers");
        List<Long> gathered = source.scatter(driver).map(square).buffer(8).gather().sinkToList();

        IntStream.range(0, 200).forEach(source::emit);
        source.drain();

        assertEquals(IntStream.range(0, 200).mapToObj(x -> (long)x * x).toList(), List.copyOf(gathered));
    }

    @Test
    void theDriversBroadcastCreatesTheMarkerOnEveryServerSoTheOutsiderChecksCanFail() throws Exception {
        String marker = newMarker();

        Ignite ignite = driver.ignite();
        ignite.compute(ignite.cluster().forServers()).broadcast(createMarker(marker));

        assertEquals(List.of(true, true), markerPresence(marker));
    }

    /** The outsiders' configuration is refused for want of a valid certificate only: with the right one it joins. */
    @Test
    void theOutsidersConfigurationWithTheClusterClientCertificateJoinsAndCreatesTheMarker() throws Exception {
        String marker = newMarker();
        SslContextFactory clusterCertificate = TlsDirectory.of(containers.tlsDirectory()).contextFactory(Role.CLIENT);

        try (Ignite insider = Ignition.start(outsider("insider", clusterCertificate))) {
            insider.compute(insider.cluster().forServers()).broadcast(createMarker(marker));
        }

        assertEquals(List.of(true, true), markerPresence(marker));
    }

    @Test
    void aPlainClientWithoutACertificateIsRefusedAndRunsNothingOnTheServers() throws Exception {
        assertRefusedAndRanNothing("without a certificate", outsider("no-certificate", null));
    }

    @Test
    void aClientWithACertificateFromAnotherCaIsRefusedAndRunsNothingOnTheServers() throws Exception {
        SslContextFactory otherCa = TlsDirectory.of(TestCertificates.ofAnotherCa()).contextFactory(Role.CLIENT);

        assertRefusedAndRanNothing("with a certificate from another CA", outsider("other-ca", otherCa));
    }

    @Test
    void aDriverConnectingWithoutTlsIsToldToUseWithTls() {
        ClusterUnavailableException refused = assertTimeoutPreemptively(REFUSAL_LIMIT,
            () -> assertThrows(ClusterUnavailableException.class,
                () -> IgniteCluster.connect(containers.discoveryAddresses()).close()));

        assertTrue(refused.getMessage().contains("IgniteClusterOptions.withTls(dir)"), refused.getMessage());
    }

    @Test
    void theServerProcessRunsAsTheImagesNonRootUser() throws Exception {
        for (int i = 0; i < containers.size(); i++) {
            String uids = containers.exec(i, "sh", "-c", "grep '^Uid:' /proc/1/status").trim();
            // Real, effective, saved and file-system uid.
            assertEquals("Uid:\t" + String.join("\t", NODE_UID, NODE_UID, NODE_UID, NODE_UID), uids);
        }
        Ignite ignite = driver.ignite();
        Collection<String> users = ignite.compute(ignite.cluster().forServers())
            .broadcast(() -> System.getProperty("user.name"));
        assertEquals(List.of("streamz", "streamz"), List.copyOf(users));
    }

    /** Ports are 47500+ (discovery) and 47100+ (communication), moved up by one when taken. */
    @Test
    void onlyDiscoveryAndCommunicationListenInTheServerContainers() throws Exception {
        for (int i = 0; i < containers.size(); i++) {
            List<String> tcp = listening(containers.exec(i, "cat", "/proc/net/tcp", "/proc/net/tcp6"), "0A");
            List<String> udp = listening(containers.exec(i, "cat", "/proc/net/udp", "/proc/net/udp6"), "07");

            List<String> unexpected = new ArrayList<>();
            for (String socket : tcp) {
                int port = Integer.parseInt(socket.substring(socket.lastIndexOf(':') + 1));
                boolean ours = socket.startsWith("0.0.0.0:")
                    && (inRange(port, DockerCluster.DISCOVERY_PORT) || inRange(port, DockerCluster.COMMUNICATION_PORT));
                if (!ours && !socket.startsWith(DOCKER_DNS + ":"))
                    unexpected.add("tcp " + socket);
            }
            udp.stream().filter(socket -> !socket.startsWith(DOCKER_DNS + ":")).forEach(s -> unexpected.add("udp " + s));

            assertEquals(List.of(), unexpected, "listening in container " + (i + 1) + "; all tcp: " + tcp);
            assertTrue(tcp.contains("0.0.0.0:" + DockerCluster.DISCOVERY_PORT), "discovery listens: " + tcp);
            assertTrue(tcp.contains("0.0.0.0:" + DockerCluster.COMMUNICATION_PORT), "communication listens: " + tcp);
        }
    }

    private void assertRefusedAndRanNothing(String who, IgniteConfiguration outsider) throws Exception {
        String marker = newMarker();
        long start = System.nanoTime();
        Throwable refusal = assertTimeoutPreemptively(REFUSAL_LIMIT, () -> {
            try (Ignite joined = Ignition.start(outsider)) {
                // Joined: the test has failed already, but see whether it can also run code.
                joined.compute(joined.cluster().forServers()).broadcast(createMarker(marker));
                return null;
            }
            catch (IgniteException refused) {
                return refused;
            }
        }, "a client " + who + " neither joined nor gave up within " + REFUSAL_LIMIT);
        long tookMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        System.out.println("SecurityIT: a client " + who + " was refused after " + tookMillis + " ms"
            + " (its join timeout: " + OUTSIDER_JOIN_TIMEOUT.toMillis() + " ms)");

        List<Boolean> presence = markerPresence(marker);
        if (refusal == null)
            fail("a client " + who + " joined the cluster; marker on the servers: " + presence);
        assertEquals(List.of(false, false), presence, "a client " + who + " ran a closure on the servers");
        assertEquals(2, driver.ignite().cluster().forServers().nodes().size(), "the cluster is intact");
    }

    /**
     * A thick client as anyone can write it with ignite-core alone, pointed at the containers. Peer class loading is
     * on, as on the servers, so that nothing but the certificate stands between it and the cluster.
     */
    private static IgniteConfiguration outsider(String name, SslContextFactory ssl) throws Exception {
        TcpDiscoverySpi discovery = new TcpDiscoverySpi()
            .setIpFinder(new TcpDiscoveryVmIpFinder().setAddresses(List.of(containers.discoveryAddresses())));
        discovery.setJoinTimeout(OUTSIDER_JOIN_TIMEOUT.toMillis());
        TcpCommunicationSpi communication = new TcpCommunicationSpi();
        communication.setForceClientToServerConnections(true);
        return new IgniteConfiguration()
            .setIgniteInstanceName("security-it-" + name + "-" + UUID.randomUUID())
            .setClientMode(true)
            .setPeerClassLoadingEnabled(true)
            .setDiscoverySpi(discovery)
            .setCommunicationSpi(communication)
            .setSslContextFactory(ssl)
            .setWorkDirectory(Files.createTempDirectory("security-it-").toString())
            .setClientConnectorConfiguration(null)
            // Its refusal is the test's to report: Ignite would log each one with a long stack trace.
            .setGridLogger(new NullLogger())
            // A refused start must not halt the test JVM.
            .setFailureHandler(new StopNodeFailureHandler());
    }

    private static String newMarker() {
        return "/tmp/streamz-security-it-" + UUID.randomUUID();
    }

    /** A closure that leaves {@code marker} on the node that runs it. */
    private static IgniteCallable<String> createMarker(String marker) {
        return () -> {
            Files.writeString(Path.of(marker), "ran here");
            return System.getenv("HOSTNAME");
        };
    }

    /** For each container, whether {@code marker} exists in it. */
    private static List<Boolean> markerPresence(String marker) throws Exception {
        List<Boolean> presence = new ArrayList<>();
        for (int i = 0; i < containers.size(); i++)
            presence.add(containers.exec(i, "sh", "-c", "test -e " + marker + " && echo yes || echo no").trim()
                .equals("yes"));
        return presence;
    }

    /** {@code address:port} of each socket in state {@code state} of a /proc/net table, IPv6 shown as is. */
    private static List<String> listening(String procNet, String state) {
        Set<String> sockets = new TreeSet<>();
        for (String line : procNet.split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length < 4 || !fields[0].endsWith(":") || !fields[3].equals(state))
                continue;
            String[] local = fields[1].split(":");
            sockets.add(address(local[0]) + ":" + Integer.parseInt(local[1], 16));
        }
        return List.copyOf(sockets);
    }

    /** /proc/net writes IPv4 addresses as one little-endian hex word. */
    private static String address(String hex) {
        if (hex.length() != 8)
            return hex.matches("0+") ? "0.0.0.0" : "[" + hex + "]";
        long word = Long.parseLong(hex, 16);
        return (word & 0xff) + "." + (word >> 8 & 0xff) + "." + (word >> 16 & 0xff) + "." + (word >> 24 & 0xff);
    }

    private static boolean inRange(int port, int base) {
        return port >= base && port < base + 100;
    }
}
