package io.streamz.cluster;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of an {@link IgniteCluster}; each {@code with...} method returns new options.
 *
 * @param operationTimeout how long a cluster operation (a task, fetching a result) waits while the
 *                         cluster is unreachable (no server, or this client disconnected) before the
 *                         elements waiting for it fail with {@link ClusterUnavailableException}
 * @param threads          compute threads per server node: the servers of {@link IgniteCluster#local}
 *                         get this many, and for a cluster joined with {@code connect} it is what the
 *                         driver assumes each server has when it decides how many tasks to keep in flight
 * @param taskTimeout      how long a cluster task may run before it is cancelled and its thread
 *                         interrupted; its elements then fail with a {@link java.util.concurrent.TimeoutException}
 *                         in their cause chain. The default, 60 s, is far above what one element of a
 *                         stream should take (slow functions go one element per task), yet a function
 *                         that hangs frees its server thread within a minute instead of never
 * @param maxElementBytes  the largest marshalled size of one element sent to the cluster: a larger
 *                         one fails at {@code emit}, naming its size and this limit. The default, 8 MiB,
 *                         keeps one element far from exhausting a server's heap (the Docker image's
 *                         servers run with 256 MiB; an element exists several times over while a task
 *                         runs: marshalled, unmarshalled, its result, the result's backup)
 * @param maxBytesInFlight how many marshalled bytes of scattered elements this driver may have
 *                         handed to cluster steps without an answer yet: above it, {@code emit} blocks
 *                         at the first cluster step until tasks answer (back pressure), so that many
 *                         elements just under {@code maxElementBytes} cannot exhaust the servers
 *                         together either. The default, 64 MiB, is eight elements of the largest
 *                         size, and far more than small elements ever reach (a thousand 1 KiB
 *                         elements are 1 MiB)
 */
public record IgniteClusterOptions(Duration operationTimeout, int threads, Duration taskTimeout, long maxElementBytes,
                                   long maxBytesInFlight) {
    /** 15 s operation timeout, 8 threads per server, 60 s task timeout, 8 MiB per element, 64 MiB in flight. */
    public static final IgniteClusterOptions DEFAULTS = new IgniteClusterOptions(Duration.ofSeconds(15), 8,
            Duration.ofSeconds(60), 8L * 1024 * 1024, 64L * 1024 * 1024);

    public IgniteClusterOptions {
        Objects.requireNonNull(operationTimeout, "operationTimeout must not be null: the default is 15 s");
        if (operationTimeout.isNegative() || operationTimeout.isZero()) {
            throw new IllegalArgumentException("operationTimeout must be positive, was " + operationTimeout);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        Objects.requireNonNull(taskTimeout, "taskTimeout must not be null: the default is 60 s");
        if (taskTimeout.isNegative() || taskTimeout.isZero() || taskTimeout.toMillis() == 0) {
            throw new IllegalArgumentException("taskTimeout must be at least 1 ms, was " + taskTimeout);
        }
        if (maxElementBytes < 1) {
            throw new IllegalArgumentException("maxElementBytes must be positive, was " + maxElementBytes);
        }
        if (maxBytesInFlight < 1) {
            throw new IllegalArgumentException("maxBytesInFlight must be positive, was " + maxBytesInFlight);
        }
    }

    /** Options with the given operation timeout and threads, the defaults otherwise. */
    public IgniteClusterOptions(Duration operationTimeout, int threads) {
        this(operationTimeout, threads, DEFAULTS.taskTimeout, DEFAULTS.maxElementBytes);
    }

    /** Options with the given settings and the default {@link #maxBytesInFlight()}. */
    public IgniteClusterOptions(Duration operationTimeout, int threads, Duration taskTimeout, long maxElementBytes) {
        this(operationTimeout, threads, taskTimeout, maxElementBytes, DEFAULTS.maxBytesInFlight);
    }

    /** The defaults: {@link #DEFAULTS}. */
    public static IgniteClusterOptions defaults() {
        return DEFAULTS;
    }

    public IgniteClusterOptions withOperationTimeout(Duration timeout) {
        return new IgniteClusterOptions(timeout, threads, taskTimeout, maxElementBytes, maxBytesInFlight);
    }

    public IgniteClusterOptions withThreads(int threadsPerServer) {
        return new IgniteClusterOptions(operationTimeout, threadsPerServer, taskTimeout, maxElementBytes, maxBytesInFlight);
    }

    /** Options whose cluster tasks are cancelled after {@code timeout}: see {@link #taskTimeout()}. */
    public IgniteClusterOptions withTaskTimeout(Duration timeout) {
        return new IgniteClusterOptions(operationTimeout, threads, timeout, maxElementBytes, maxBytesInFlight);
    }

    /** Options that refuse, at {@code emit}, elements larger than {@code bytes} marshalled: see {@link #maxElementBytes()}. */
    public IgniteClusterOptions withMaxElementBytes(long bytes) {
        return new IgniteClusterOptions(operationTimeout, threads, taskTimeout, bytes, maxBytesInFlight);
    }

    /** Options whose {@code emit} waits while more than {@code bytes} are in flight: see {@link #maxBytesInFlight()}. */
    public IgniteClusterOptions withMaxBytesInFlight(long bytes) {
        return new IgniteClusterOptions(operationTimeout, threads, taskTimeout, maxElementBytes, bytes);
    }
}
