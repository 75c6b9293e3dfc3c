package io.streamz.cluster.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URL;
import java.util.Arrays;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.ignite.IgniteCheckedException;
import org.apache.ignite.configuration.DataRegionConfiguration;
import org.apache.ignite.configuration.DeploymentMode;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.apache.ignite.internal.IgnitionEx;
import org.apache.ignite.logger.slf4j.Slf4jLogger;
import org.apache.ignite.spi.communication.tcp.TcpCommunicationSpi;
import org.apache.ignite.spi.discovery.tcp.TcpDiscoverySpi;
import org.apache.ignite.spi.discovery.tcp.ipfinder.vm.TcpDiscoveryVmIpFinder;
import org.apache.ignite.ssl.SslContextFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loads the XML files the way {@code Ignition.start(URL)} does, without starting a node. */
class ClusterConfigTest {

    private static final String ADDRESSES = "streamz.discovery.addresses";
    private static final String WORK_DIR = "streamz.work.dir";
    private static final String GRACE = "streamz.dead.driver.grace.millis";
    private static final String TLS_DIR = "streamz.tls.dir";

    @AfterEach
    void clearProperties() {
        System.clearProperty(ADDRESSES);
        System.clearProperty(WORK_DIR);
        System.clearProperty(GRACE);
        System.clearProperty(TLS_DIR);
    }

    @Test
    void discoveryAddressesFromTheSystemPropertyBecomeSeparateStrings() throws Exception {
        System.setProperty(ADDRESSES, "10.0.0.1:47500, 10.0.0.2:47500,10.0.0.3:47500..47502");

        for (IgniteConfiguration cfg : List.of(load("server.xml"), load("client.xml")))
            assertEquals(
                Set.of("10.0.0.1:47500", "10.0.0.2:47500", "10.0.0.3:47500", "10.0.0.3:47501", "10.0.0.3:47502"),
                addresses(cfg));
    }

    @Test
    void discoveryDefaultsToTheLoopbackPortRange() throws Exception {
        // The environment variable, when set on this machine, rightly wins over the default.
        assumeTrue(System.getenv("STREAMZ_DISCOVERY_ADDRESSES") == null,
            "STREAMZ_DISCOVERY_ADDRESSES is set in this environment");

        Set<String> expected = IntStream.rangeClosed(47500, 47509)
            .mapToObj(port -> "127.0.0.1:" + port)
            .collect(Collectors.toSet());
        assertEquals(expected, addresses(load("server.xml")));
    }

    @Test
    void joinGivesUpInsteadOfWaitingForever() throws Exception {
        TcpDiscoverySpi discovery = (TcpDiscoverySpi) load("server.xml").getDiscoverySpi();

        assertEquals(10_000, discovery.getJoinTimeout());
    }

    @Test
    void workDirectoryComesFromTheSystemProperty() throws Exception {
        System.setProperty(WORK_DIR, "/tmp/streamz-test-work");

        assertEquals("/tmp/streamz-test-work", load("server.xml").getWorkDirectory());
    }

    @Test
    void bothNodesShipClassesByPeerClassLoadingInSharedMode() throws Exception {
        for (IgniteConfiguration cfg : List.of(load("server.xml"), load("client.xml"))) {
            assertTrue(cfg.isPeerClassLoadingEnabled());
            assertEquals(DeploymentMode.SHARED, cfg.getDeploymentMode());
        }
    }

    @Test
    void serverIsALeanServer() throws Exception {
        IgniteConfiguration cfg = load("server.xml");

        assertFalse(Boolean.TRUE.equals(cfg.isClientMode()));
        assertEquals(5_000, cfg.getFailureDetectionTimeout());
        assertEquals(8, cfg.getPublicThreadPoolSize());
        assertEquals(0, cfg.getMetricsLogFrequency());
        assertNull(cfg.getClientConnectorConfiguration());
        assertNull(cfg.getConnectorConfiguration());
        assertTrue(cfg.getGridLogger() instanceof Slf4jLogger);

        DataRegionConfiguration region = cfg.getDataStorageConfiguration().getDefaultDataRegionConfiguration();
        assertEquals(64L << 20, region.getInitialSize());
        assertEquals(128L << 20, region.getMaxSize());
        assertFalse(region.isPersistenceEnabled());
    }

    @Test
    void serverRemovesWhatADeadDriverLeftAfterAFewSecondsGrace() throws Exception {
        IgniteConfiguration cfg = load("server.xml");

        assertEquals(10_000, cfg.getClientFailureDetectionTimeout());
        assertEquals(DeadDriverCleaner.DEFAULT_GRACE_MILLIS, cleaner(cfg).getGracePeriodMillis());
    }

    @Test
    void theGracePeriodComesFromTheSystemProperty() throws Exception {
        System.setProperty(GRACE, "1500");

        assertEquals(1_500, cleaner(load("server.xml")).getGracePeriodMillis());
    }

    @Test
    void clientOpensAllConnectionsToServers() throws Exception {
        IgniteConfiguration cfg = load("client.xml");

        assertTrue(cfg.isClientMode());
        assertEquals(10_000, cfg.getFailureDetectionTimeout());
        assertTrue(((TcpCommunicationSpi) cfg.getCommunicationSpi()).forceClientToServerConnections());
    }

    private static DeadDriverCleaner cleaner(IgniteConfiguration cfg) {
        List<DeadDriverCleaner> cleaners = Arrays.stream(cfg.getLifecycleBeans())
            .filter(DeadDriverCleaner.class::isInstance)
            .map(DeadDriverCleaner.class::cast)
            .toList();
        assertEquals(1, cleaners.size(), "server.xml registers one DeadDriverCleaner");
        return cleaners.get(0);
    }

    @Test
    void aTlsDirectoryGivesServersTheServerKeyPairAndClientsTheClientKeyPair(@TempDir Path tls) throws Exception {
        for (String file : List.of("server.p12", "client.p12", "truststore.p12", "password"))
            Files.writeString(tls.resolve(file), "x");
        System.setProperty(TLS_DIR, tls.toString());

        SslContextFactory server = (SslContextFactory) load("server.xml").getSslContextFactory();
        SslContextFactory client = (SslContextFactory) load("client.xml").getSslContextFactory();

        assertEquals(tls.resolve("server.p12").toString(), server.getKeyStoreFilePath());
        assertEquals(tls.resolve("client.p12").toString(), client.getKeyStoreFilePath());
        assertEquals(tls.resolve("truststore.p12").toString(), client.getTrustStoreFilePath());
    }

    @Test
    void withoutATlsDirectoryNodesArePlain() throws Exception {
        assumeTrue(System.getenv("STREAMZ_TLS_DIR") == null, "STREAMZ_TLS_DIR is set in this environment");

        assertNull(load("server.xml").getSslContextFactory());
        assertNull(load("client.xml").getSslContextFactory());
    }

    @Test
    void aTlsDirectoryWithoutTheFilesFailsLoadingNamingWhatIsMissing(@TempDir Path tls) {
        System.setProperty(TLS_DIR, tls.toString());

        Exception e = assertThrows(Exception.class, () -> load("client.xml"));

        assertTrue(chain(e).contains("lacks client.p12 (missing)"), chain(e));
    }

    private static String chain(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause())
            all.append(t.getMessage()).append('\n');
        return all.toString();
    }

    private static IgniteConfiguration load(String file) throws IgniteCheckedException {
        URL url = ClusterConfigTest.class.getResource(file);
        assertNotNull(url, file + " is not on the classpath");
        return IgnitionEx.loadConfiguration(url).get1();
    }

    /** What discovery will try, port ranges expanded; one string collapsing the list would not parse. */
    private static Set<String> addresses(IgniteConfiguration cfg) {
        TcpDiscoveryVmIpFinder finder =
            (TcpDiscoveryVmIpFinder) ((TcpDiscoverySpi) cfg.getDiscoverySpi()).getIpFinder();
        return finder.getRegisteredAddresses().stream()
            .map(addr -> addr.getHostString() + ":" + addr.getPort())
            .collect(Collectors.toSet());
    }
}
