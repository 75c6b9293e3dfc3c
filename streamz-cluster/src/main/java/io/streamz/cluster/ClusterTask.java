package io.streamz.cluster;

import java.util.UUID;

/**
 * One cluster task this driver ran, finished successfully or not, as {@link ClusterTasks#watch}
 * reports it (a dashboard's task stream draws each as a bar).
 *
 * @param what          what the task did ("cluster map", "cluster accumulate")
 * @param server        the id of the Ignite node that ran its last attempt (after any failover), or
 *                      {@code null} when Ignite does not say
 * @param startedMillis when it was sent, epoch milliseconds
 * @param nanos         how long it took from sending to its answer
 * @param failed        whether it failed
 */
public record ClusterTask(String what, UUID server, long startedMillis, long nanos, boolean failed) {
}
