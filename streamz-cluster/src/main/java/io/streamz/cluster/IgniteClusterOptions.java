package io.streamz.cluster;

import java.nio.file.Path;
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
 *                         runs: marshalled, unmarshalled, its result, the result's backup). Results
 *                         computed on the servers are held to it too: a larger one fails its element
 * @param maxBytesInFlight how many marshalled bytes of scattered elements this driver may have
 *                         handed to cluster steps without an answer yet: above it, {@code emit} blocks
 *                         at the first cluster step until tasks answer (back pressure), so that many
 *                         elements just under {@code maxElementBytes} cannot exhaust the servers
 *                         together either. The default, 64 MiB, is eight elements of the largest
 *                         size, and far more than small elements ever reach (a thousand 1 KiB
 *                         elements are 1 MiB)
 * @param tlsDirectory     for {@code connect}: the directory of TLS material that {@code docker/scripts/make-certs.sh}
 *                         made (this driver presents {@code client.p12} and trusts {@code truststore.p12}'s CA), or
 *                         {@code null}, the default, for what the client's XML says: {@code client.xml} uses mutual
 *                         TLS when the system property {@code streamz.tls.dir} or the environment variable
 *                         {@code STREAMZ_TLS_DIR} names such a directory, plain TCP otherwise. The embedded cluster
 *                         of {@link IgniteCluster#local} ignores it: its nodes talk over loopback inside one JVM
 * @param persistenceDirectory for {@link IgniteCluster#local}: the work directory of its servers, which then write
 *                         named states ({@code ClusterStream.durable}) to disk there (Ignite native persistence: WAL
 *                         and checkpoints) and are not removed on close, so a local cluster started again on the same
 *                         directory with as many servers has them back; or {@code null}, the default, for servers in a
 *                         temporary directory keeping everything in memory. Unnamed states and results stay in memory
 *                         either way. {@code connect} ignores it: the servers' own configuration decides there
 */
public record IgniteClusterOptions(Duration operationTimeout, int threads, Duration taskTimeout, long maxElementBytes,
                                   long maxBytesInFlight, Path tlsDirectory, Path persistenceDirectory) {
    /** 15 s operation timeout, 8 threads per server, 60 s task timeout, 8 MiB per element, 64 MiB in flight, no TLS directory. */
    public static final IgniteClusterOptions DEFAULTS = new IgniteClusterOptions(Duration.ofSeconds(15), 8,
            Duration.ofSeconds(60), 8L * 1024 * 1024, 64L * 1024 * 1024, null, null);

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

    /** Options with the given settings, in memory. */
    public IgniteClusterOptions(Duration operationTimeout, int threads, Duration taskTimeout, long maxElementBytes,
                                long maxBytesInFlight, Path tlsDirectory) {
        this(operationTimeout, threads, taskTimeout, maxElementBytes, maxBytesInFlight, tlsDirectory, null);
    }

    /** Options with the given settings, the default {@link #maxBytesInFlight()} and no TLS directory. */
    public IgniteClusterOptions(Duration operationTimeout, int threads, Duration taskTimeout, long maxElementBytes) {
        this(operationTimeout, threads, taskTimeout, maxElementBytes, DEFAULTS.maxBytesInFlight, null);
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
        return new IgniteClusterOptions(timeout, threads, taskTimeout, maxElementBytes, maxBytesInFlight, tlsDirectory,
                persistenceDirectory);
    }

    public IgniteClusterOptions withThreads(int threadsPerServer) {
        return new IgniteClusterOptions(operationTimeout, threadsPerServer, taskTimeout, maxElementBytes, maxBytesInFlight,
                tlsDirectory, persistenceDirectory);
    }

    /**
     * Options under which a cluster function running longer than {@code timeout} on one element is
     * interrupted and the element fails: see {@link #taskTimeout()}.
     */
    public IgniteClusterOptions withTaskTimeout(Duration timeout) {
        return new IgniteClusterOptions(operationTimeout, threads, timeout, maxElementBytes, maxBytesInFlight, tlsDirectory,
                persistenceDirectory);
    }

    /** Options that refuse, at {@code emit}, elements larger than {@code bytes} marshalled: see {@link #maxElementBytes()}. */
    public IgniteClusterOptions withMaxElementBytes(long bytes) {
        return new IgniteClusterOptions(operationTimeout, threads, taskTimeout, bytes, maxBytesInFlight, tlsDirectory,
                persistenceDirectory);
    }

    /** Options whose {@code emit} waits while more than {@code bytes} are in flight: see {@link #maxBytesInFlight()}. */
    public IgniteClusterOptions withMaxBytesInFlight(long bytes) {
        return new IgniteClusterOptions(operationTimeout, threads, taskTimeout, maxElementBytes, bytes, tlsDirectory,
                persistenceDirectory);
    }

    /**
     * Options whose {@code connect} uses mutual TLS with the material in {@code directory} (as
     * {@code docker/scripts/make-certs.sh} makes it): see {@link #tlsDirectory()}. The files are checked when
     * connecting, which fails naming any that is missing.
     */
    public IgniteClusterOptions withTls(Path directory) {
        Objects.requireNonNull(directory, "directory must not be null: it holds client.p12, truststore.p12 and password");
        return new IgniteClusterOptions(operationTimeout, threads, taskTimeout, maxElementBytes, maxBytesInFlight, directory,
                persistenceDirectory);
    }

    /**
     * Options whose {@link IgniteCluster#local} servers work in {@code workDir} and persist named states
     * there: see {@link #persistenceDirectory()}.
     */
    public IgniteClusterOptions withPersistence(Path workDir) {
        Objects.requireNonNull(workDir, "workDir must not be null: it is where the servers keep named states on disk");
        return new IgniteClusterOptions(operationTimeout, threads, taskTimeout, maxElementBytes, maxBytesInFlight, tlsDirectory,
                workDir);
    }
}
