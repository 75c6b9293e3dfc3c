package io.streamz.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.streamz.Stream;
import io.streamz.local.internal.core.Metering;
import io.streamz.local.internal.core.Node;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.ignite.cluster.ClusterNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a dashboard reads of a cluster pipeline (the tasks {@link ClusterTasks} reports, elements in flight), on an embedded 2-server cluster. */
class ClusterWatchedTest {
    @RegisterExtension
    static final EmbeddedCluster CLUSTER = new EmbeddedCluster(2);

    @Test
    void eachFinishedTaskNamesTheServerThatRanIt() throws Exception {
        List<ClusterTask> tasks = new CopyOnWriteArrayList<>();
        Stream<Integer> source = Stream.create();
        List<Integer> results = source.scatter(CLUSTER.get()).map(x -> x + 1).gather().sinkToList();
        try (AutoCloseable listening = ClusterTasks.watch(tasks::add)) {
            // One element at a time: each goes to the server with fewer tasks, taking turns on a tie.
            for (int i = 0; i < 20; i++) {
                source.emit(i);
                source.drain();
            }
        }

        assertEquals(20, results.size());
        assertFalse(tasks.isEmpty(), "the map's tasks were reported");
        Set<UUID> servers = new HashSet<>();
        for (ClusterNode server : CLUSTER.get().ignite().cluster().forServers().nodes()) {
            servers.add(server.id());
        }
        Set<UUID> reported = new HashSet<>();
        for (ClusterTask task : tasks) {
            reported.add(task.server());
            assertEquals("cluster map", task.what());
            assertFalse(task.failed());
        }
        assertEquals(servers, reported, "every task names one of the 2 servers, and both ran some: " + tasks);
    }

    @Test
    void aClusterStepAndGatherHoldTheElementsWhoseResultIsNotKnownYet() {
        CountDownLatch release = Gate.open();
        Stream<Integer> source = Stream.create();
        List<Integer> results = source.scatter(CLUSTER.get()).map((Integer x) -> {
            Gate.await();
            return x;
        }).named("gated-map").gather().named("gated-gather").sinkToList();
        Node<?> step = named("gated-map");
        Node<?> gather = named("gated-gather");

        List<CompletableFuture<Void>> accepted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            accepted.add(source.emitAsync(i));
        }
        assertEquals(3, step.held(), "three elements sent, none answered");
        assertEquals(3, gather.held(), "gather waits for the three results");
        release.countDown();
        source.drain();

        assertEquals(List.of(0, 1, 2), results);
        assertEquals(0, step.held(), "every result is known");
        assertEquals(0, gather.held());
        accepted.forEach(CompletableFuture::join);
    }

    private static Node<?> named(String name) {
        return Metering.liveNodes().stream().filter(node -> name.equals(node.name())).findFirst().orElseThrow();
    }

    /** A latch the cluster's jobs (in this JVM) wait on. */
    static final class Gate {
        private static volatile CountDownLatch latch = new CountDownLatch(0);

        static CountDownLatch open() {
            latch = new CountDownLatch(1);
            return latch;
        }

        static void await() throws InterruptedException {
            latch.await(30, TimeUnit.SECONDS);
        }
    }
}
