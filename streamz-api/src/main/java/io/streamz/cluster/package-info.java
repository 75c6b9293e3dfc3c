/** The cluster side of the API: {@code ClusterStream}, {@code Cluster} and the default-cluster registry. */
package io.streamz.cluster;
