package io.streamz.cluster;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of an {@link IgniteCluster}.
 *
 * @param operationTimeout how long a cluster operation (a task, fetching a result) waits while the
 *                         cluster is unreachable (no server, or this client disconnected) before the
 *                         elements waiting for it fail with {@link ClusterUnavailableException}; a slow
 *                         function on a reachable cluster is waited for however long it takes
 * @param threads          compute threads per server node: the servers of {@link IgniteCluster#local}
 *                         get this many, and for a cluster joined with {@code connect} it is what the
 *                         driver assumes each server has when it decides how many tasks to keep in flight
 */
public record IgniteClusterOptions(Duration operationTimeout, int threads) {
    /** 15 s and 8 threads per server. */
    public static final IgniteClusterOptions DEFAULTS = new IgniteClusterOptions(Duration.ofSeconds(15), 8);

    public IgniteClusterOptions {
        Objects.requireNonNull(operationTimeout, "operationTimeout must not be null: the default is 15 s");
        if (operationTimeout.isNegative() || operationTimeout.isZero()) {
            throw new IllegalArgumentException("operationTimeout must be positive, was " + operationTimeout);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
    }

    /** The defaults: {@link #DEFAULTS}. */
    public static IgniteClusterOptions defaults() {
        return DEFAULTS;
    }

    public IgniteClusterOptions withOperationTimeout(Duration timeout) {
        return new IgniteClusterOptions(timeout, threads);
    }

    public IgniteClusterOptions withThreads(int threadsPerServer) {
        return new IgniteClusterOptions(operationTimeout, threadsPerServer);
    }
}
