/**
 * The driver's side of the cluster path: handles and stored batches, the dispatchers that batch
 * elements into tasks, retries and timeouts of cluster operations, and the removal of consumed results.
 */
package io.streamz.cluster.ignite.driver;
