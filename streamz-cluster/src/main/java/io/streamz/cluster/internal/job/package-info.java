/**
 * Internal, unsupported, may change without notice: what runs on the servers (the jobs of cluster
 * steps, the operations they apply, and how inputs, outcomes and state are encoded in the streamz
 * caches). Peer class loading ships these classes. Not an API: cluster steps are built by the
 * operator methods of {@code io.streamz.cluster.ClusterStream}, which check their functions.
 */
package io.streamz.cluster.internal.job;
