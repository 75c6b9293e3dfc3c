package io.streamz.cluster.internal.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamz.cluster.ClusterTask;
import io.streamz.cluster.ClusterTasks;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The public task hook in front of the driver's internal one: what {@link TaskEvents} reports reaches
 * a {@link ClusterTasks} watcher as a {@link ClusterTask}, until the watcher closes its handle. No
 * cluster: the test reports finished tasks itself.
 */
class ClusterTasksTest {

    @Test
    void aWatcherGetsEachFinishedTaskUntilItClosesItsHandle() throws Exception {
        List<ClusterTask> seen = new CopyOnWriteArrayList<>();
        long started = System.nanoTime();

        try (AutoCloseable watching = ClusterTasks.watch(seen::add)) {
            assertTrue(TaskEvents.watched());
            TaskEvents.finished("cluster map", null, started, false);
            TaskEvents.finished("cluster accumulate", null, started, true);
        }
        TaskEvents.finished("cluster filter", null, started, false);

        assertEquals(List.of("cluster map", "cluster accumulate"), seen.stream().map(ClusterTask::what).toList());
        assertFalse(seen.get(0).failed());
        assertTrue(seen.get(1).failed());
        assertNull(seen.get(0).server(), "no task future: Ignite does not say which server ran it");
        assertTrue(seen.get(0).nanos() >= 0);
        assertTrue(seen.get(0).startedMillis() <= System.currentTimeMillis());
    }

    @Test
    void watchingWithoutAListenerFailsNamingIt() {
        NullPointerException error = assertThrows(NullPointerException.class, () -> ClusterTasks.watch(null));

        assertTrue(error.getMessage().contains("task listener"), error.getMessage());
    }
}
