/**
 * Internal, unsupported, may change without notice: the Ignite {@code ClusterStream} and the local
 * nodes it is made of (scatter, cluster steps, gather). Not an API: make cluster streams with
 * {@code Stream.scatter}.
 *
 * <p>Its public entries take a {@code Cluster}, never the driver's internal context, so that only a
 * cluster {@code IgniteCluster} opened can be used: {@link
 * io.streamz.cluster.internal.stream.IgniteClusterStream#scatter(io.streamz.cluster.Cluster,
 * io.streamz.Stream)} (what {@code IgniteCluster.scatter} returns) and {@link
 * io.streamz.cluster.internal.stream.ServerReads#on} (the one entry of a module whose source reads on
 * the servers, streamz-kafka's {@code fromKafkaBatched} on a cluster).
 */
package io.streamz.cluster.internal.stream;
