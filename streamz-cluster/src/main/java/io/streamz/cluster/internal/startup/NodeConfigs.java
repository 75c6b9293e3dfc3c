package io.streamz.cluster.internal.startup;

import io.streamz.cluster.config.DriverKeys;
import io.streamz.cluster.config.PersistentBaseline;
import io.streamz.cluster.config.TlsDirectory;
import io.streamz.cluster.config.TlsDirectory.Role;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.ignite.IgniteCheckedException;
import org.apache.ignite.Ignition;
import org.apache.ignite.configuration.DataRegionConfiguration;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.apache.ignite.failure.StopNodeFailureHandler;
import org.apache.ignite.internal.IgnitionEx;
import org.apache.ignite.lifecycle.LifecycleBean;
import org.apache.ignite.spi.communication.CommunicationSpi;
import org.apache.ignite.spi.communication.tcp.TcpCommunicationSpi;
import org.apache.ignite.spi.discovery.DiscoverySpi;
import org.apache.ignite.spi.discovery.tcp.TcpDiscoverySpi;
import org.apache.ignite.spi.discovery.tcp.ipfinder.vm.TcpDiscoveryVmIpFinder;

/**
 * The configurations of streamz nodes, loaded from the Spring XML of module cluster-config (the same
 * files the Docker image uses), with what differs per node set here: instance name, addresses and
 * ports, work directory, and for embedded nodes quicker failure detection.
 */
public final class NodeConfigs {
    private static final String SERVER_XML = "io/streamz/cluster/config/server.xml";
    private static final String CLIENT_XML = "io/streamz/cluster/config/client.xml";
    /** Embedded nodes share the JVM with the user's: lower than the files' 5 s (server) and 10 s (client). */
    private static final long LOCAL_FAILURE_DETECTION_MILLIS = 4_000;
    /** How long a client of a remote cluster may take to rejoin through another server (see {@link #client}). */
    static final long REJOIN_MILLIS = 12_000;

    private NodeConfigs() {
    }

    /**
     * Server {@code i} of an embedded cluster of {@code servers}; with {@code persistent}, it writes named
     * states to disk in {@code workDir}, under a name of its own that stays the same from one start to
     * the next ({@code consistentId}), and the last of the servers to start activates the cluster.
     */
    public static IgniteConfiguration localServer(String instance, LocalPorts ports, int i, int servers, Path workDir, int threads,
                                                  boolean persistent) {
        IgniteConfiguration cfg = load(SERVER_XML, "streamz.server");
        persistence(cfg, persistent, servers);
        if (persistent) {
            cfg.setConsistentId("streamz-local-server-" + i);
        }
        TcpDiscoverySpi discovery = discovery(cfg, ports.discoveryAddresses());
        discovery.setLocalAddress(LocalPorts.HOST);
        discovery.setLocalPort(ports.discoveryPort(i));
        discovery.setLocalPortRange(0);
        communication(cfg, LocalPorts.HOST, ports.communicationPort(i));
        cfg.setPublicThreadPoolSize(threads);
        return embedded(cfg, instance, workDir);
    }

    /** The client node of an embedded cluster. */
    public static IgniteConfiguration localClient(String instance, LocalPorts ports, int servers, Path workDir) {
        IgniteConfiguration cfg = load(CLIENT_XML, "streamz.client");
        discovery(cfg, ports.discoveryAddresses()).setLocalAddress(LocalPorts.HOST);
        communication(cfg, LocalPorts.HOST, ports.communicationPort(servers));
        return asDriver(embedded(cfg, instance, workDir));
    }

    /**
     * A client joining the servers at {@code addresses} (host:port, or host:port..port), with mutual TLS from
     * {@code tlsDirectory} when not {@code null}, else as {@code client.xml} says (TLS when {@code streamz.tls.dir} or
     * {@code STREAMZ_TLS_DIR} names a directory).
     *
     * @throws IllegalArgumentException when {@code tlsDirectory} lacks a file, naming it
     */
    public static IgniteConfiguration client(String instance, List<String> addresses, Path workDir, Path tlsDirectory) {
        IgniteConfiguration cfg = load(CLIENT_XML, "streamz.client");
        tls(cfg, tlsDirectory);
        // When the server this client talks discovery through dies, the client rejoins through another within
        // this; Ignite's 5 s ran out once on a busy machine (a TLS handshake and a join the servers must process),
        // and the client then left the cluster, failing every element it had in flight.
        discovery(cfg, addresses).setNetworkTimeout(REJOIN_MILLIS);
        cfg.setIgniteInstanceName(instance);
        cfg.setWorkDirectory(workDir.toString());
        // Ignite's default halts the JVM when the client is segmented (~30 s after every server is gone).
        cfg.setFailureHandler(new StopNodeFailureHandler());
        return asDriver(cfg);
    }

    /**
     * A client configured by the user's Spring XML: client mode forced, a unique instance name, and mutual TLS
     * from {@code tlsDirectory} when not {@code null} (replacing the XML's own {@code sslContextFactory}).
     *
     * @throws IllegalArgumentException when the XML cannot be loaded, or {@code tlsDirectory} lacks a file
     */
    public static IgniteConfiguration fromSpring(Path xml, String instance, Path workDir, Path tlsDirectory) {
        IgniteConfiguration cfg;
        try {
            cfg = IgnitionEx.loadConfiguration(xml.toUri().toURL()).get1();
        } catch (IgniteCheckedException | MalformedURLException e) {
            throw new IllegalArgumentException("could not load an Ignite configuration from " + xml + ": " + e.getMessage(), e);
        }
        cfg.setClientMode(true);
        cfg.setIgniteInstanceName(instance);
        tls(cfg, tlsDirectory);
        if (cfg.getWorkDirectory() == null) {
            cfg.setWorkDirectory(workDir.toString());
        }
        return asDriver(cfg);
    }

    /** The static discovery addresses of {@code cfg}, or {@code null} when it finds servers otherwise. */
    public static List<String> addresses(IgniteConfiguration cfg) {
        DiscoverySpi spi = cfg.getDiscoverySpi();
        if (spi instanceof TcpDiscoverySpi tcp && tcp.getIpFinder() instanceof TcpDiscoveryVmIpFinder finder) {
            return finder.getRegisteredAddresses().stream().map(a -> a.getHostString() + ":" + a.getPort()).distinct().toList();
        }
        return null;
    }

    /**
     * Gives the client a new driver id, in the user attribute that the servers' cleaner reads when it
     * leaves ({@link DriverKeys}); the user's own attributes are kept. Being configuration, the id
     * stays when the client reconnects as a new node: to start a new node for the same driver, reuse
     * the configuration.
     */
    private static IgniteConfiguration asDriver(IgniteConfiguration cfg) {
        Map<String, Object> attributes = cfg.getUserAttributes() == null ? new HashMap<>() : new HashMap<>(cfg.getUserAttributes());
        attributes.put(DriverKeys.ATTRIBUTE, UUID.randomUUID().toString());
        cfg.setUserAttributes(attributes);
        return cfg;
    }

    private static IgniteConfiguration embedded(IgniteConfiguration cfg, String instance, Path workDir) {
        cfg.setIgniteInstanceName(instance);
        cfg.setWorkDirectory(workDir.toString());
        cfg.setFailureDetectionTimeout(LOCAL_FAILURE_DETECTION_MILLIS);
        cfg.setClientFailureDetectionTimeout(LOCAL_FAILURE_DETECTION_MILLIS);
        // Stop the node, never halt the JVM it shares with the application.
        cfg.setFailureHandler(new StopNodeFailureHandler());
        // Plain even when STREAMZ_TLS_DIR is set for connect: these nodes talk over loopback inside one JVM.
        cfg.setSslContextFactory(null);
        cfg.setMetricsLogFrequency(0);
        cfg.setClientConnectorConfiguration(null);
        cfg.setConnectorConfiguration(null);
        return cfg;
    }

    private static void tls(IgniteConfiguration cfg, Path tlsDirectory) {
        if (tlsDirectory == null) {
            return;
        }
        try {
            cfg.setSslContextFactory(TlsDirectory.of(tlsDirectory).contextFactory(Role.CLIENT));
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Sets whether the named states' region persists, whatever the environment says, and the baseline's size. */
    private static void persistence(IgniteConfiguration cfg, boolean persistent, int servers) {
        for (DataRegionConfiguration region : cfg.getDataStorageConfiguration().getDataRegionConfigurations()) {
            region.setPersistenceEnabled(persistent);
        }
        for (LifecycleBean bean : cfg.getLifecycleBeans()) {
            if (bean instanceof PersistentBaseline baseline) {
                baseline.setExpectedServers(servers);
            }
        }
    }

    private static TcpDiscoverySpi discovery(IgniteConfiguration cfg, List<String> addresses) {
        TcpDiscoverySpi discovery = (TcpDiscoverySpi) cfg.getDiscoverySpi();
        ((TcpDiscoveryVmIpFinder) discovery.getIpFinder()).setAddresses(addresses);
        return discovery;
    }

    private static void communication(IgniteConfiguration cfg, String host, int port) {
        CommunicationSpi<?> spi = cfg.getCommunicationSpi();
        TcpCommunicationSpi tcp = spi instanceof TcpCommunicationSpi given ? given : new TcpCommunicationSpi();
        tcp.setLocalAddress(host);
        tcp.setLocalPort(port);
        tcp.setLocalPortRange(LocalPorts.COMMUNICATION_RANGE);
        cfg.setCommunicationSpi(tcp);
    }

    private static IgniteConfiguration load(String resource, String bean) {
        URL url = NodeConfigs.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException(resource + " is not on the class path: add the dependency io.streamz:cluster-config");
        }
        return Ignition.loadSpringBean(url, bean);
    }
}
