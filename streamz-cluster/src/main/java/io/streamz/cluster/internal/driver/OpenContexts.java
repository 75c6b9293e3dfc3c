package io.streamz.cluster.internal.driver;

import io.streamz.cluster.Cluster;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Which {@link ClusterContext} belongs to which cluster, so that the internal packages reach an
 * {@code IgniteCluster}'s context from the cluster alone: {@code IgniteCluster} then needs no public
 * method that hands its context out, and nothing outside this package can add an entry (a context
 * adds itself when it is made). Entries go with their cluster (weak keys; the context is held weakly
 * too, since it holds its cluster). Thread-safe.
 */
public final class OpenContexts {
    private static final Map<Cluster, WeakReference<ClusterContext>> CONTEXTS = new WeakHashMap<>();

    private OpenContexts() {
    }

    /** Called once by each context, at the end of its constructor. */
    static void add(ClusterContext context) {
        synchronized (CONTEXTS) {
            CONTEXTS.put(context.owner(), new WeakReference<>(context));
        }
    }

    /**
     * The context of {@code cluster}, open or closed (its {@link ClusterContext#checkOpen()} says).
     *
     * @throws IllegalArgumentException when {@code cluster} is not an {@code IgniteCluster}, saying what to pass
     */
    public static ClusterContext of(Cluster cluster) {
        ClusterContext context;
        synchronized (CONTEXTS) {
            WeakReference<ClusterContext> held = cluster == null ? null : CONTEXTS.get(cluster);
            context = held == null ? null : held.get();
        }
        if (context == null) {
            throw new IllegalArgumentException(cluster + " is not a cluster of streamz-cluster: "
                    + "pass one made by IgniteCluster.local(...) or IgniteCluster.connect(...)");
        }
        return context;
    }
}
