package io.streamz.cluster.internal.driver;

/**
 * What a {@link ClusterCall} of one cluster consults, and nothing more: the threads it completes and
 * retries on, whether the cluster is alive, and the watch of task timeouts. None of these knows
 * {@code ClusterCall}, so calls can be started from anything that holds this (the context, the
 * remover, the state registry) without a cycle back.
 */
record ClusterCalls(DriverThreads threads, ClusterLiveness liveness, TaskTimeouts timeouts) {
}
