/**
 * Internal, unsupported, may change without notice: starting and joining Ignite nodes from the
 * Spring XML of module cluster-config. Not an API: open clusters with
 * {@code io.streamz.cluster.IgniteCluster.local} or {@code connect}.
 */
package io.streamz.cluster.internal.startup;
