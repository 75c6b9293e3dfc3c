/** The Ignite {@code ClusterStream} and the local nodes it is made of (scatter, cluster steps, gather). */
package io.streamz.cluster.ignite.stream;
