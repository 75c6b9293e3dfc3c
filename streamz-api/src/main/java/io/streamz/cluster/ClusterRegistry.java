package io.streamz.cluster;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The open clusters, and which one {@link io.streamz.Stream#scatter()} uses: the one made default
 * explicitly, else the only open one. {@code IgniteCluster} registers when it opens and unregisters
 * when it closes; registering is package-private, so application code cannot add a cluster here
 * (it works because {@code IgniteCluster}, in module streamz-cluster, shares this package name).
 */
public final class ClusterRegistry {
    private static final Set<Cluster> OPEN = new LinkedHashSet<>();
    private static Cluster explicitDefault;

    private ClusterRegistry() {
    }

    /** Registers {@code cluster}, just opened; for the cluster's own constructor. */
    static synchronized void opened(Cluster cluster) {
        OPEN.add(cluster);
    }

    /** Unregisters {@code cluster}, closing; no longer the default either. */
    static synchronized void closed(Cluster cluster) {
        OPEN.remove(cluster);
        if (explicitDefault == cluster) {
            explicitDefault = null;
        }
    }

    /** Makes {@code cluster} the default; {@code null} clears the choice. */
    public static synchronized void setDefault(Cluster cluster) {
        if (cluster != null && !OPEN.contains(cluster)) {
            throw new IllegalStateException(cluster.name() + " is not open: only an open cluster can be the default");
        }
        explicitDefault = cluster;
    }

    /** The open clusters, in the order they opened. */
    public static synchronized List<Cluster> openClusters() {
        return List.copyOf(OPEN);
    }

    /**
     * The default cluster.
     *
     * @throws IllegalStateException when none is open, or several are and none was made default
     */
    public static synchronized Cluster defaultCluster() {
        if (explicitDefault != null) {
            return explicitDefault;
        }
        if (OPEN.size() == 1) {
            return OPEN.iterator().next();
        }
        if (OPEN.isEmpty()) {
            throw new IllegalStateException("scatter() found no open cluster: start one with IgniteCluster.local(2) "
                    + "or IgniteCluster.connect(...), or pass one to scatter(cluster)");
        }
        List<String> names = new ArrayList<>();
        OPEN.forEach(c -> names.add(c.name()));
        throw new IllegalStateException("scatter() found " + OPEN.size() + " open clusters " + names
                + " and none is the default: call makeDefault() on one, or pass one to scatter(cluster)");
    }
}
