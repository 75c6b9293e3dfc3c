package io.streamz.dashboard;

import io.streamz.cluster.IgniteCluster;
import org.apache.ignite.cluster.ClusterMetrics;
import org.apache.ignite.cluster.ClusterNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the dashboard shows of an open {@link IgniteCluster}: per server the jobs running and waiting
 * (Ignite's {@link ClusterMetrics}, refreshed by Ignite every few seconds), heap and CPU, and the
 * results and states the cluster stores. Any thread; a cluster that closed reads as absent.
 */
final class ClusterView {
    private ClusterView() {
    }

    /** One server's figures. */
    record Server(String name, int tasksRunning, int tasksQueued, long heapUsed, long heapMax, double cpuLoad) {
    }

    /** The servers now, or an empty list when the cluster cannot be read (closed, disconnected). */
    static List<Server> servers(IgniteCluster cluster) {
        List<Server> servers = new ArrayList<>();
        try {
            for (ClusterNode node : cluster.ignite().cluster().forServers().nodes()) {
                ClusterMetrics metrics = node.metrics();
                servers.add(new Server(String.valueOf(node.consistentId()), metrics.getCurrentActiveJobs(),
                        metrics.getCurrentWaitingJobs(), metrics.getHeapMemoryUsed(),
                        metrics.getHeapMemoryMaximum(), metrics.getCurrentCpuLoad()));
            }
        } catch (RuntimeException closed) {
            return List.of();
        }
        return servers;
    }

    /** The cluster as a JSON-ready map. */
    static Map<String, Object> snapshot(IgniteCluster cluster) {
        List<Map<String, Object>> servers = new ArrayList<>();
        for (Server server : servers(cluster)) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("name", server.name());
            view.put("tasksRunning", server.tasksRunning());
            view.put("tasksQueued", server.tasksQueued());
            view.put("heapUsed", server.heapUsed());
            view.put("heapMax", server.heapMax());
            view.put("cpuLoad", server.cpuLoad());
            servers.add(view);
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", cluster.name());
        view.put("servers", servers);
        view.put("storedResults", storedOrMinusOne(cluster, true));
        view.put("storedStates", storedOrMinusOne(cluster, false));
        return view;
    }

    static int storedOrMinusOne(IgniteCluster cluster, boolean results) {
        try {
            return results ? cluster.storedResults() : cluster.storedStates();
        } catch (RuntimeException closed) {
            return -1;
        }
    }
}
