package io.streamz.dashboard;

import io.streamz.cluster.ClusterTask;
import io.streamz.cluster.ClusterTasks;
import io.streamz.cluster.IgniteCluster;
import org.apache.ignite.cluster.ClusterNode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Dask's task stream: the last {@link #MAX_TASKS} cluster tasks this driver ran, each with its
 * server (when Ignite says which: {@code "cluster"} otherwise), start and duration. Fed on the driver's callback threads, read by the page: synchronized.
 */
final class TaskStream implements AutoCloseable {
    static final int MAX_TASKS = 1000;

    private final ArrayDeque<ClusterTask> tasks = new ArrayDeque<>();
    private final Supplier<IgniteCluster> cluster;
    private final AutoCloseable listening;

    /** Listens from now on; {@code cluster} names the servers (may supply {@code null}). */
    TaskStream(Supplier<IgniteCluster> cluster) {
        this.cluster = cluster;
        this.listening = ClusterTasks.watch(this::add);
    }

    private synchronized void add(ClusterTask task) {
        tasks.addLast(task);
        if (tasks.size() > MAX_TASKS) {
            tasks.removeFirst();
        }
    }

    /** The tasks as JSON-ready maps, oldest first. */
    List<Map<String, Object>> snapshot() {
        List<ClusterTask> copy;
        synchronized (this) {
            copy = new ArrayList<>(tasks);
        }
        Map<UUID, String> names = new LinkedHashMap<>();
        List<Map<String, Object>> views = new ArrayList<>(copy.size());
        for (ClusterTask task : copy) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("what", task.what());
            view.put("server", task.server() == null ? "cluster" : names.computeIfAbsent(task.server(), this::serverName));
            view.put("start", task.startedMillis());
            view.put("millis", task.nanos() / 1e6);
            view.put("failed", task.failed());
            views.add(view);
        }
        return views;
    }

    private String serverName(UUID id) {
        IgniteCluster open = cluster.get();
        if (open != null) {
            try {
                ClusterNode node = open.ignite().cluster().node(id);
                if (node != null) {
                    return String.valueOf(node.consistentId());
                }
            } catch (RuntimeException closed) {
                // Fall back on the id.
            }
        }
        return id.toString().substring(0, 8);
    }

    @Override
    public void close() throws Exception {
        listening.close();
    }
}
