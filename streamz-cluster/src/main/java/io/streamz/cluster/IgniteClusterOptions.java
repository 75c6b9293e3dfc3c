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
 * @param taskTimeout      how long the function of a cluster step (map, filter, starmap, accumulate)
 *                         may run on one element. Past it, the server interrupts the function's thread
 *                         and the element fails with a {@link ClusterTaskTimeoutException} (a
 *                         {@link java.util.concurrent.TimeoutException} in its cause chain) naming the
 *                         step and the timeout; it is never run again, an accumulate's state stays as it
 *                         was, the other elements of its task keep their results, and the stream goes
 *                         on. The limit holds each element rather than each task, so that a micro-batch
 *                         of many cheap elements is never cut short. A function that ignores the
 *                         interrupt cannot be stopped by any JVM library: its element, and the others of
 *                         its task, fail anyway a grace period after the interrupt (a tenth of the
 *                         timeout, 100 ms to 1 s), while its thread stays busy until it returns; its late
 *                         result is then discarded. The default, 60 s, is far above what one element of
 *                         a stream should take, yet a function that hangs frees its server thread (and
 *                         {@code emit}, {@code drain}) within a minute instead of never
 * @param maxElementBytes  the largest marshalled size of one element sent to the cluster: a larger
 *                         one fails at {@code emit}, naming its size and this limit. The default, 8 MiB,
 *                         keeps one element far from exhausting a server's heap (the Docker image's
 *                         servers run with 256 MiB; an element exists several times over while a task
 *                         runs: marshalled, unmarshalled, its result, the result's backup)
 */
public record IgniteClusterOptions(Duration operationTimeout, int threads, Duration taskTimeout, long maxElementBytes) {
    /** 15 s operation timeout, 8 threads per server, 60 s task timeout, 8 MiB per element. */
    public static final IgniteClusterOptions DEFAULTS =
            new IgniteClusterOptions(Duration.ofSeconds(15), 8, Duration.ofSeconds(60), 8L * 1024 * 1024);

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
    }

    /** Options with the given operation timeout and threads, the defaults otherwise. */
    public IgniteClusterOptions(Duration operationTimeout, int threads) {
        this(operationTimeout, threads, DEFAULTS.taskTimeout, DEFAULTS.maxElementBytes);
    }

    /** The defaults: {@link #DEFAULTS}. */
    public static IgniteClusterOptions defaults() {
        return DEFAULTS;
    }

    public IgniteClusterOptions withOperationTimeout(Duration timeout) {
        return new IgniteClusterOptions(timeout, threads, taskTimeout, maxElementBytes);
    }

    public IgniteClusterOptions withThreads(int threadsPerServer) {
        return new IgniteClusterOptions(operationTimeout, threadsPerServer, taskTimeout, maxElementBytes);
    }

    /**
     * Options under which a cluster function running longer than {@code timeout} on one element is
     * interrupted and the element fails: see {@link #taskTimeout()}.
     */
    public IgniteClusterOptions withTaskTimeout(Duration timeout) {
        return new IgniteClusterOptions(operationTimeout, threads, timeout, maxElementBytes);
    }

    /** Options that refuse, at {@code emit}, elements larger than {@code bytes} marshalled: see {@link #maxElementBytes()}. */
    public IgniteClusterOptions withMaxElementBytes(long bytes) {
        return new IgniteClusterOptions(operationTimeout, threads, taskTimeout, bytes);
    }
}
