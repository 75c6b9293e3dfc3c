/**
 * Internal, unsupported, may change without notice: the driver's side of the cluster path (handles
 * and stored batches, the dispatchers that batch elements into tasks, retries and timeouts of
 * cluster operations, the removal of consumed results). Not an API: build cluster streams with
 * {@code Stream.scatter} and {@code io.streamz.cluster.IgniteCluster}.
 *
 * <p>Types are public only where another package or module of this project needs them: the other
 * {@code io.streamz.cluster.internal} packages, and {@code io.streamz.cluster.ClusterTasks} ({@link
 * io.streamz.cluster.internal.driver.TaskEvents} is the hook behind it, the task stream). The rest is
 * package-private.
 * streamz-kafka reads on the servers through {@code io.streamz.cluster.internal.stream.ServerReads}
 * alone.
 */
package io.streamz.cluster.internal.driver;
