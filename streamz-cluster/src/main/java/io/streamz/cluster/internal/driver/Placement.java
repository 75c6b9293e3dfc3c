package io.streamz.cluster.internal.driver;

import com.google.common.util.concurrent.MoreExecutors;
import io.streamz.cluster.internal.job.Caches;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.ignite.Ignite;
import org.apache.ignite.cache.affinity.Affinity;
import org.apache.ignite.cluster.ClusterNode;

/**
 * Where tasks go. A task whose inputs lie on the cluster runs in their partition; one whose inputs
 * come from the driver runs in a partition of the server with the fewest tasks in flight, so that
 * parallel tasks spread over the servers. The partition map is recomputed when the topology changes.
 */
final class Placement {
    private final Topology topology;
    private final int threadsPerServer;
    private final Executor callbacks;
    private final Map<UUID, AtomicInteger> load = new ConcurrentHashMap<>();
    private final Map<UUID, Executor> senders = new ConcurrentHashMap<>();
    private final AtomicInteger turn = new AtomicInteger();
    private volatile Snapshot snapshot;

    Placement(Ignite ignite, int threadsPerServer, Executor callbacks) {
        this(Topology.of(ignite), threadsPerServer, callbacks);
    }

    /** Placement over {@code topology}: Ignite's, or a test's. */
    Placement(Topology topology, int threadsPerServer, Executor callbacks) {
        this.topology = topology;
        this.threadsPerServer = threadsPerServer;
        this.callbacks = callbacks;
    }

    /** The node that holds {@code partition} now, or {@code null} when no server is there. */
    public UUID primary(int partition) {
        return snapshot().primaries[partition];
    }

    /** A partition of the least loaded server (turning through its partitions). */
    public int partitionOnLeastLoadedServer() {
        Snapshot current = snapshot();
        int[] best = null;
        int bestLoad = Integer.MAX_VALUE;
        int start = turn.getAndIncrement() & Integer.MAX_VALUE;
        for (int i = 0; i < current.servers.size(); i++) {
            UUID server = current.servers.get((start + i) % current.servers.size());
            int tasks = load(server).get();
            if (tasks < bestLoad) {
                bestLoad = tasks;
                best = current.partitionsByServer.get(server);
            }
        }
        if (best == null || best.length == 0) {
            // No server: any partition; the task fails over or times out like every other.
            return start % Caches.PARTITIONS;
        }
        return best[start % best.length];
    }

    /**
     * A partition of server number {@code slot} modulo the servers (in the order of their ids), so
     * that consecutive slots spread over the servers and a slot keeps its server while the topology
     * does; when a server leaves, its slots move to the others. Slot {@code s} and {@code s + n}
     * with {@code n} servers get different partitions of one server, when it has several.
     */
    public int partitionForSlot(int slot) {
        Snapshot current = snapshot();
        if (current.servers.isEmpty()) {
            // No server: any partition; the task fails over or times out like every other.
            return Math.floorMod(slot, Caches.PARTITIONS);
        }
        int n = current.servers.size();
        int[] partitions = current.partitionsByServer.get(current.servers.get(Math.floorMod(slot, n)));
        return partitions[Math.floorMod(slot / n, partitions.length)];
    }

    /**
     * What sends the tasks of {@code partition}, from a callback thread: one at a time per server, in
     * order, so that the tasks a busy server queues run in the order of their elements. A send that
     * blocks on a server that is gone holds up only that server's tasks. The server is looked up at
     * each send, so that a retry follows its partition to the new primary. A send asked for on a callback
     * thread leaves right after that thread's callback, on the same thread (see {@link CallbackPool}).
     */
    public Executor sender(int partition) {
        return task -> senderTo(primary(partition)).execute(task);
    }

    private Executor senderTo(UUID server) {
        return server == null ? callbacks : senders.computeIfAbsent(server, id -> MoreExecutors.newSequentialExecutor(callbacks));
    }

    /** Compute threads across the servers, as far as the driver knows. */
    public int totalThreads() {
        return Math.max(1, snapshot().servers.size()) * threadsPerServer;
    }

    void started(UUID server) {
        if (server != null) {
            load(server).incrementAndGet();
        }
    }

    void finished(UUID server) {
        if (server != null) {
            load(server).decrementAndGet();
        }
    }

    /**
     * Drops the partition map: after the client reconnected to restarted servers, the topology version
     * may be the same number as before while every node is new.
     */
    void forget() {
        snapshot = null;
    }

    private AtomicInteger load(UUID server) {
        return load.computeIfAbsent(server, id -> new AtomicInteger());
    }

    private Snapshot snapshot() {
        Snapshot current = snapshot;
        try {
            long version = topology.version();
            if (current == null || current.version != version) {
                current = new Snapshot(version, topology.primaries());
                snapshot = current;
                senders.keySet().retainAll(current.servers);
            }
            return current;
        } catch (RuntimeException | AssertionError disconnected) {
            // The client is reconnecting: the last known map is as good as any; tasks retry anyway.
            // (With assertions on, Ignite asserts on topology version -1 while it reconnects.)
            return current != null ? current : EMPTY;
        }
    }

    private static final Snapshot EMPTY = new Snapshot(-1, new UUID[0]);

    /** Where the data cache's partitions are. Its methods throw while the client reconnects. */
    interface Topology {
        /** The topology version: it changes when a node joins or leaves. */
        long version();

        /** The node holding each partition's primary copy, by partition; {@code null} where none does. */
        UUID[] primaries();

        /** The topology Ignite's client node sees. */
        static Topology of(Ignite ignite) {
            return new Topology() {
                @Override
                public long version() {
                    return ignite.cluster().topologyVersion();
                }

                @Override
                public UUID[] primaries() {
                    Affinity<Object> affinity = ignite.affinity(Caches.DATA);
                    UUID[] primaries = new UUID[Caches.PARTITIONS];
                    for (int p = 0; p < Caches.PARTITIONS; p++) {
                        ClusterNode node = affinity.mapPartitionToNode(p);
                        primaries[p] = node == null ? null : node.id();
                    }
                    return primaries;
                }
            };
        }
    }

    private static final class Snapshot {
        final long version;
        final UUID[] primaries = new UUID[Caches.PARTITIONS];
        final List<UUID> servers = new ArrayList<>();
        final Map<UUID, int[]> partitionsByServer = new HashMap<>();

        Snapshot(long version, UUID[] primaryNodes) {
            this.version = version;
            Map<UUID, List<Integer>> byServer = new HashMap<>();
            for (int p = 0; p < primaryNodes.length && p < Caches.PARTITIONS; p++) {
                UUID node = primaryNodes[p];
                if (node != null) {
                    primaries[p] = node;
                    byServer.computeIfAbsent(node, id -> new ArrayList<>()).add(p);
                }
            }
            byServer.forEach((server, partitions) -> {
                servers.add(server);
                partitionsByServer.put(server, partitions.stream().mapToInt(Integer::intValue).toArray());
            });
            // A stable order: partitionForSlot keeps a slot on its server while the topology stays.
            servers.sort(null);
        }
    }
}
