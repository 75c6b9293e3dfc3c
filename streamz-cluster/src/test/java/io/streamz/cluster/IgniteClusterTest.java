package io.streamz.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamz.Stream;
import io.streamz.function.FunctionEx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.ignite.IgniteState;
import org.apache.ignite.Ignition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Opening, joining, naming and closing clusters, and how scatter() finds one. */
class IgniteClusterTest {
    @RegisterExtension
    static final EmbeddedCluster CLUSTER = new EmbeddedCluster(2);

    @Test
    void namesItselfAfterItsServers() {
        assertEquals("local Ignite cluster of 2 servers", CLUSTER.get().name());
        assertEquals("local Ignite cluster of 2 servers", CLUSTER.get().toString());
    }

    @Test
    void runsTwoServersAndThisJvmAsAThickClient() {
        assertEquals(2, CLUSTER.get().ignite().cluster().forServers().nodes().size());
        assertTrue(CLUSTER.get().ignite().cluster().localNode().isClient());
        assertEquals(2, CLUSTER.get().serverNames().size());
        CLUSTER.get().serverNames().forEach(name -> assertEquals(IgniteState.STARTED, Ignition.state(name)));
        assertTrue(CLUSTER.get().discoveryAddresses().stream().allMatch(a -> a.startsWith("127.0.0.1:")), CLUSTER.get().discoveryAddresses().toString());
    }

    @Test
    void isRegisteredWhileOpenAndScatterUsesItWhenAlone() {
        assertTrue(ClusterRegistry.openClusters().contains(CLUSTER.get()));
        assertSame(CLUSTER.get(), Stream.create().scatter().cluster());
    }

    @Test
    void aSecondClientJoinsByAddressAndThenScatterWantsADefault() {
        String[] addresses = CLUSTER.get().discoveryAddresses().toArray(String[]::new);
        try (IgniteCluster second = IgniteCluster.connect(addresses)) {
            assertEquals("Ignite cluster at " + String.join(",", addresses), second.name());
            assertTrue(second.ignite().cluster().localNode().isClient());
            assertEquals(2, second.ignite().cluster().forServers().nodes().size());

            IllegalStateException error = assertThrows(IllegalStateException.class, () -> Stream.create().scatter());
            assertTrue(error.getMessage().contains("2 open clusters"), error.getMessage());
            assertTrue(error.getMessage().contains("makeDefault()"), error.getMessage());

            assertSame(second, second.makeDefault());
            Stream<Integer> source = Stream.create();
            List<Integer> results = source.scatter().map((Integer x) -> x + 1).gather().sinkToList();
            source.emit(1);
            assertEquals(List.of(2), results);
            assertSame(second, source.scatter().cluster());
        }
        assertSame(CLUSTER.get(), ClusterRegistry.defaultCluster());
    }

    @Test
    void joinsTheClusterASpringXmlFileDescribes(@TempDir Path dir) throws Exception {
        String addresses = CLUSTER.get().discoveryAddresses().stream().map(a -> "<value>" + a + "</value>").collect(Collectors.joining());
        Path xml = Files.writeString(dir.resolve("client.xml"), """
                <beans xmlns="http://www.springframework.org/schema/beans"
                       xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                       xsi:schemaLocation="http://www.springframework.org/schema/beans
                                           http://www.springframework.org/schema/beans/spring-beans.xsd">
                  <bean class="org.apache.ignite.configuration.IgniteConfiguration">
                    <property name="peerClassLoadingEnabled" value="true"/>
                    <property name="deploymentMode" value="SHARED"/>
                    <property name="clientConnectorConfiguration"><null/></property>
                    <property name="gridLogger"><bean class="org.apache.ignite.logger.slf4j.Slf4jLogger"/></property>
                    <property name="discoverySpi">
                      <bean class="org.apache.ignite.spi.discovery.tcp.TcpDiscoverySpi">
                        <property name="joinTimeout" value="10000"/>
                        <property name="ipFinder">
                          <bean class="org.apache.ignite.spi.discovery.tcp.ipfinder.vm.TcpDiscoveryVmIpFinder">
                            <property name="addresses"><list>%s</list></property>
                          </bean>
                        </property>
                      </bean>
                    </property>
                  </bean>
                </beans>
                """.formatted(addresses));

        try (IgniteCluster joined = IgniteCluster.connect(xml)) {
            assertEquals("Ignite cluster at " + String.join(",", CLUSTER.get().discoveryAddresses()), joined.name());
            assertTrue(joined.ignite().cluster().localNode().isClient());
            Stream<Integer> source = Stream.create();
            List<Integer> results = source.scatter(joined).map((Integer x) -> x * 3).gather().sinkToList();
            source.emit(2);
            assertEquals(List.of(6), results);
        }
    }

    @Test
    void closingStopsTheNodesRemovesTheWorkDirectoryAndUnregisters() {
        IgniteCluster small = IgniteCluster.local(1);
        Path workDirectory = Path.of(small.ignite().configuration().getWorkDirectory());
        String server = small.serverNames().get(0);
        assertEquals("local Ignite cluster of 1 server", small.name());
        assertTrue(Files.isDirectory(workDirectory));

        small.close();
        small.close();

        assertFalse(Files.exists(workDirectory), workDirectory + " is still there");
        assertEquals(IgniteState.STOPPED, Ignition.state(server));
        assertFalse(ClusterRegistry.openClusters().contains(small));
        ClusterUnavailableException error = assertThrows(ClusterUnavailableException.class, () -> Stream.create().scatter(small));
        assertTrue(error.getMessage().contains("local Ignite cluster of 1 server is closed"), error.getMessage());
    }

    @Test
    void storedCountsFailNamingTheClusterOnceItsServersAreGoneAndOnceItIsClosed() {
        IgniteClusterOptions options = IgniteClusterOptions.defaults().withOperationTimeout(Duration.ofSeconds(1));
        IgniteCluster small = IgniteCluster.local(1, options);
        try {
            assertEquals(0, small.storedResults());
            small.serverNames().forEach(name -> Ignition.stop(name, true));

            ClusterUnavailableException results = assertThrows(ClusterUnavailableException.class, small::storedResults);
            ClusterUnavailableException states = assertThrows(ClusterUnavailableException.class, small::storedStates);

            assertTrue(results.getMessage().startsWith("local Ignite cluster of 1 server could not count its stored results"),
                    results.getMessage());
            assertTrue(states.getMessage().contains("stored states"), states.getMessage());
        } finally {
            small.close();
        }
        ClusterUnavailableException closed = assertThrows(ClusterUnavailableException.class, small::storedResults);
        assertTrue(closed.getMessage().contains("is closed"), closed.getMessage());
    }

    @Test
    void refusesArgumentsThatCannotWork() {
        assertThrows(IllegalArgumentException.class, () -> IgniteCluster.local(0));
        assertThrows(IllegalArgumentException.class, () -> IgniteCluster.connect(new String[0]));
        assertThrows(IllegalArgumentException.class, () -> IgniteCluster.connect(" "));
        assertThrows(IllegalArgumentException.class, () -> IgniteClusterOptions.defaults().withOperationTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> IgniteClusterOptions.defaults().withThreads(0));
    }

    @Test
    void clusterStreamsNameTheirOperators() {
        Stream<Integer> source = Stream.create();
        ClusterStream<Integer> scattered = source.scatter();

        assertEquals("<scatter>", scattered.toString());
        assertEquals("<cluster map>", scattered.map((Integer x) -> x).toString());
        assertEquals("<cluster map: Increment>", scattered.map(new Increment()).toString());
        assertEquals("<cluster filter>", scattered.filter((Integer x) -> x > 0).toString());
        assertEquals("<cluster accumulate>", scattered.accumulate((Integer a, Integer b) -> a + b).toString());
        assertEquals("<cluster buffer: 8>", scattered.buffer(8).toString());
        assertEquals("<gather>", scattered.gather().toString());
        ClusterStream<Integer> named = scattered.map((Integer x) -> x).named("parse");
        assertEquals("<cluster map: parse>", named.toString());
        assertEquals("parse", named.name());
    }

    /** A named function class, as {@code toString()} shows it. */
    static final class Increment implements FunctionEx<Integer, Integer> {
        @Override
        public Integer applyEx(Integer x) {
            return x + 1;
        }
    }
}
