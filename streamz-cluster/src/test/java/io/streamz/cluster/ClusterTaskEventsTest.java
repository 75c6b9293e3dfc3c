package io.streamz.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.streamz.Stream;
import io.streamz.cluster.ignite.driver.TaskEvents;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.ignite.cluster.ClusterNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The task events a dashboard's task stream draws, on an embedded 2-server cluster. */
class ClusterTaskEventsTest {
    @RegisterExtension
    static final EmbeddedCluster CLUSTER = new EmbeddedCluster(2);

    @Test
    void eachFinishedTaskNamesTheServerThatRanIt() throws Exception {
        List<TaskEvents.Task> tasks = new CopyOnWriteArrayList<>();
        Stream<Integer> source = Stream.create();
        List<Integer> results = source.scatter(CLUSTER.get()).map(x -> x + 1).gather().sinkToList();
        try (AutoCloseable listening = TaskEvents.listen(tasks::add)) {
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
        for (TaskEvents.Task task : tasks) {
            reported.add(task.server());
            assertEquals("cluster map", task.what());
            assertFalse(task.failed());
        }
        assertEquals(servers, reported, "every task names one of the 2 servers, and both ran some: " + tasks);
    }
}
