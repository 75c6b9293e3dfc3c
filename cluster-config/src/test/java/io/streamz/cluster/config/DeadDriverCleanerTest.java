package io.streamz.cluster.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.Ignition;
import org.apache.ignite.configuration.CacheConfiguration;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.apache.ignite.spi.communication.tcp.TcpCommunicationSpi;
import org.apache.ignite.spi.discovery.tcp.TcpDiscoverySpi;
import org.apache.ignite.spi.discovery.tcp.ipfinder.vm.TcpDiscoveryVmIpFinder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two servers configured by server.xml remove, once a driver's client node has left and the grace
 * period has passed, every entry that driver wrote to the streamz caches, and nothing else.
 */
class DeadDriverCleanerTest {
    private static final String GRACE_PROPERTY = "streamz.dead.driver.grace.millis";
    /** Long enough for a client to join again in the test below, on a loaded machine. */
    private static final long GRACE_MILLIS = 3_000;
    private static final AtomicInteger NODES = new AtomicInteger();
    private static final List<String> ADDRESSES = new ArrayList<>();
    private static final List<String> STARTED = new ArrayList<>();
    private static Path workDir;

    @BeforeAll
    static void startTwoServers() throws IOException {
        workDir = Files.createTempDirectory("streamz-cleaner-test");
        int[] discoveryPorts = {freePort(), freePort()};
        for (int port : discoveryPorts) {
            ADDRESSES.add("127.0.0.1:" + port);
        }
        System.setProperty(GRACE_PROPERTY, Long.toString(GRACE_MILLIS));
        try {
            for (int port : discoveryPorts) {
                IgniteConfiguration cfg = node("server.xml", "streamz.server");
                TcpDiscoverySpi discovery = (TcpDiscoverySpi) cfg.getDiscoverySpi();
                discovery.setLocalPort(port);
                discovery.setLocalPortRange(0);
                start(cfg);
            }
        } finally {
            System.clearProperty(GRACE_PROPERTY);
        }
    }

    @AfterAll
    static void stopNodes() throws IOException {
        for (String name : STARTED) {
            Ignition.stop(name, true);
        }
        try (var files = Files.walk(workDir)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void theEntriesOfADriverThatLeftAreRemovedFromBothCachesAndNothingElse() throws InterruptedException {
        UUID gone = UUID.randomUUID();
        UUID alive = UUID.randomUUID();
        Ignite leaving = driver(gone);
        Ignite staying = driver(alive);
        Set<Object> kept = new HashSet<>(write(staying, alive, 50));
        kept.add("nobody's");
        for (String cache : DeadDriverCleaner.CACHES) {
            caches(staying, cache).put("nobody's", new byte[1]);
        }
        Set<Object> removed = write(leaving, gone, 300);

        Ignition.stop(leaving.name(), true);

        for (String name : DeadDriverCleaner.CACHES) {
            IgniteCache<Object, byte[]> cache = caches(staying, name);
            await(() -> !cache.containsKeys(removed) && cache.getAll(removed).isEmpty(), "entries of the driver that left are removed from " + name);
            assertEquals(kept.size(), cache.getAll(kept).size(), "other entries stay in " + name);
        }
        Ignition.stop(staying.name(), true);
    }

    @Test
    void aDriverThatComesBackWithinTheGracePeriodKeepsItsEntries() throws InterruptedException {
        UUID reconnecting = UUID.randomUUID();
        UUID dead = UUID.randomUUID();
        Ignite first = driver(reconnecting);
        Ignite other = driver(dead);
        Set<Object> reconnectingKeys = write(first, reconnecting, 20);
        Set<Object> deadKeys = write(other, dead, 20);

        Ignition.stop(first.name(), true);
        Ignite again = driver(reconnecting);
        Ignition.stop(other.name(), true);

        // The cleaner handles leaving nodes in the order they left: once the later one is cleaned,
        // the check of the reconnecting driver has run too.
        IgniteCache<Object, byte[]> data = caches(again, "streamz-data");
        await(() -> data.getAll(deadKeys).isEmpty(), "the entries of the driver that did not come back are removed");
        for (String name : DeadDriverCleaner.CACHES) {
            assertEquals(reconnectingKeys.size(), caches(again, name).getAll(reconnectingKeys).size(), "entries stay in " + name);
        }
        Ignition.stop(again.name(), true);
    }

    /** Writes {@code count} entries of {@code driver} to each streamz cache; returns their keys. */
    private static Set<Object> write(Ignite client, UUID driver, int count) {
        Set<Object> keys = new HashSet<>();
        for (int i = 1; i <= count; i++) {
            keys.add(DriverKeys.key(driver, i, i % 128));
            // A keyed accumulate's state of user key i, of the step with number 0.
            keys.add(DriverKeys.perKey(DriverKeys.key(driver, 0, 0), new byte[] {(byte) i, (byte) (i >> 8)}, i % 128));
        }
        for (String cache : DeadDriverCleaner.CACHES) {
            for (Object key : keys) {
                caches(client, cache).put(key, new byte[] {1, 2, 3});
            }
        }
        return keys;
    }

    private static IgniteCache<Object, byte[]> caches(Ignite client, String name) {
        return client.getOrCreateCache(new CacheConfiguration<Object, byte[]>(name).setBackups(1));
    }

    /** A client node carrying {@code driver}'s id, as streamz's NodeConfigs makes one. */
    private static Ignite driver(UUID driver) {
        IgniteConfiguration cfg = node("client.xml", "streamz.client");
        cfg.setUserAttributes(Map.of(DriverKeys.ATTRIBUTE, driver.toString()));
        return start(cfg);
    }

    private static IgniteConfiguration node(String file, String bean) {
        URL url = DeadDriverCleanerTest.class.getResource(file);
        assertNotNull(url, file + " is not on the classpath");
        IgniteConfiguration cfg = Ignition.loadSpringBean(url, bean);
        cfg.setIgniteInstanceName("cleaner-test-" + NODES.incrementAndGet());
        cfg.setWorkDirectory(workDir.toString());
        TcpDiscoverySpi discovery = (TcpDiscoverySpi) cfg.getDiscoverySpi();
        discovery.setLocalAddress("127.0.0.1");
        ((TcpDiscoveryVmIpFinder) discovery.getIpFinder()).setAddresses(ADDRESSES);
        TcpCommunicationSpi communication = cfg.getCommunicationSpi() instanceof TcpCommunicationSpi given
                ? given : new TcpCommunicationSpi();
        communication.setLocalAddress("127.0.0.1");
        communication.setLocalPort(freePort());
        cfg.setCommunicationSpi(communication);
        return cfg;
    }

    private static Ignite start(IgniteConfiguration cfg) {
        Ignite ignite = Ignition.start(cfg);
        STARTED.add(ignite.name());
        return ignite;
    }

    /** Polls {@code condition} for up to twice the grace period plus 10 s, then asserts it. */
    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(2 * GRACE_MILLIS + 10_000);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(condition.getAsBoolean(), what);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
