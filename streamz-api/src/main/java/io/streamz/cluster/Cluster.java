package io.streamz.cluster;

import io.streamz.Stream;

/**
 * A compute cluster that {@link Stream#scatter(Cluster)} moves work onto. {@code IgniteCluster}
 * (module streamz-cluster) is the implementation; this interface keeps Ignite out of streamz-api.
 */
public interface Cluster extends AutoCloseable {
    /** A cluster stream fed by {@code upstream}: each element emitted there is sent to the cluster. */
    <T> ClusterStream<T> scatter(Stream<T> upstream);

    /** A name for messages and {@code toString()}. */
    String name();

    /** Makes this the cluster that {@link Stream#scatter()} uses; returns this. */
    default Cluster makeDefault() {
        ClusterRegistry.setDefault(this);
        return this;
    }

    /** Leaves or stops the cluster; throws no checked exception. */
    @Override
    void close();
}
