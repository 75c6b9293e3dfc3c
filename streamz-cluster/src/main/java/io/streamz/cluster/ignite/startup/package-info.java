/** Starting and joining Ignite nodes from the Spring XML of module cluster-config. */
package io.streamz.cluster.ignite.startup;
