package io.streamz.cluster;

import io.streamz.cluster.internal.driver.TaskEvents;
import io.streamz.spi.Checks;

import java.util.function.Consumer;

/**
 * Watching the cluster tasks this driver runs, on every {@link IgniteCluster} of this JVM (Dask's
 * task stream; the dashboard's is built on it). With no watcher, the usual case, a finishing task
 * costs a read of an empty list.
 */
public final class ClusterTasks {
    private ClusterTasks() {
    }

    /**
     * Reports every cluster task that finishes from now on to {@code listener} until the returned
     * handle is closed. The listener is called on the driver's callback thread that completed the
     * task, possibly on several threads at once: it must be quick, thread-safe and must not throw
     * (what it throws reaches the thread completing the task's elements).
     *
     * @throws NullPointerException if {@code listener} is null
     */
    public static AutoCloseable watch(Consumer<? super ClusterTask> listener) {
        Checks.notNull(listener, "task listener");
        // TaskEvents is the driver's internal hook: its events are copied into the public type.
        return TaskEvents.listen(task -> listener.accept(
                new ClusterTask(task.what(), task.server(), task.startedMillis(), task.nanos(), task.failed())));
    }
}
