package io.streamz.cluster.internal.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.apache.ignite.spi.discovery.tcp.TcpDiscoverySpi;
import org.apache.ignite.ssl.SslContextFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which nodes get TLS: clients joining with a TLS directory do, the embedded cluster's nodes never. */
class NodeConfigsTlsTest {

    private static final String TLS_DIR = "streamz.tls.dir";

    @TempDir
    Path tls;
    @TempDir
    Path work;

    @BeforeEach
    void writeMaterial() throws Exception {
        // Contents are read only when a node starts: names are what these configurations are about.
        for (String file : List.of("server.p12", "client.p12", "truststore.p12", "password"))
            Files.writeString(tls.resolve(file), "x");
    }

    @AfterEach
    void clearProperty() {
        System.clearProperty(TLS_DIR);
    }

    @Test
    void aClientGivenATlsDirectoryPresentsTheClientKeyPairAndTrustsTheDirectorysCa() {
        IgniteConfiguration cfg = NodeConfigs.client("c", List.of("10.0.0.1:47500"), work, tls);

        SslContextFactory ssl = (SslContextFactory) cfg.getSslContextFactory();
        assertEquals(tls.resolve("client.p12").toString(), ssl.getKeyStoreFilePath());
        assertEquals(tls.resolve("truststore.p12").toString(), ssl.getTrustStoreFilePath());
    }

    @Test
    void aUsersSpringXmlGetsTheTlsDirectoryToo() throws Exception {
        Path xml = work.resolve("client.xml");
        Files.writeString(xml, """
            <beans xmlns="http://www.springframework.org/schema/beans"
                   xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                   xsi:schemaLocation="http://www.springframework.org/schema/beans
                                       http://www.springframework.org/schema/beans/spring-beans.xsd">
              <bean class="org.apache.ignite.configuration.IgniteConfiguration"/>
            </beans>
            """);

        IgniteConfiguration cfg = NodeConfigs.fromSpring(xml, "c", work, tls);

        assertEquals(tls.resolve("client.p12").toString(),
            ((SslContextFactory) cfg.getSslContextFactory()).getKeyStoreFilePath());
    }

    @Test
    void aClientOfARemoteClusterHasTimeToRejoinThroughAnotherServerWhenItsRouterDies() {
        IgniteConfiguration cfg = NodeConfigs.client("c", List.of("10.0.0.1:47500"), work, null);

        assertEquals(NodeConfigs.REJOIN_MILLIS, ((TcpDiscoverySpi) cfg.getDiscoverySpi()).getNetworkTimeout());
        assertTrue(NodeConfigs.REJOIN_MILLIS > TcpDiscoverySpi.DFLT_NETWORK_TIMEOUT);
    }

    @Test
    void aClientWithoutATlsDirectoryFollowsTheEnvironmentRouteOfClientXml() {
        System.setProperty(TLS_DIR, tls.toString());

        assertNotNull(NodeConfigs.client("c", List.of("10.0.0.1:47500"), work, null).getSslContextFactory());
    }

    @Test
    void theEmbeddedClusterStaysPlainEvenWhenATlsDirectoryIsConfigured() {
        System.setProperty(TLS_DIR, tls.toString());
        LocalPorts ports = LocalPorts.find(1);

        assertNull(NodeConfigs.localServer("s", ports, 0, 1, work, 2, false).getSslContextFactory());
        assertNull(NodeConfigs.localClient("c", ports, 1, work).getSslContextFactory());
    }
}
