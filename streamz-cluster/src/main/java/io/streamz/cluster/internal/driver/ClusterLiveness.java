package io.streamz.cluster.internal.driver;

import io.streamz.cluster.ClusterUnavailableException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Whether operations on one cluster may go on waiting for it: the cluster is open, and it answers or
 * has been silent for less than the operation timeout. Operations report each answer
 * ({@link #answered}) and ask, while they wait, whether to give up ({@link #givesUp}); a silent
 * cluster is probed. Builds the failures of the operations that stop waiting. Thread-safe: operations
 * of any thread call it; its state is a few volatile times, so a race costs at most one probe.
 */
final class ClusterLiveness {
    private static final long MIN_CHECK_PERIOD = TimeUnit.MILLISECONDS.toNanos(50);

    /** What the liveness asks of the cluster's link; each method answers without throwing. */
    interface Signals {
        /** Whether the client lost the cluster and is trying to reconnect (or making the caches again). */
        boolean reconnecting();

        /** Whether the client sees at least one server (false when disconnected). */
        boolean seesServers();

        /** The topology version this client sees (it changes when a node joins or leaves), or -1 when disconnected. */
        long topologyVersion();

        /** Asks the cluster something cheap, without blocking the caller; runs {@code onAnswer} when it answers. */
        void probe(Runnable onAnswer);
    }

    private final String name;
    private final Duration timeout;
    private final long timeoutNanos;
    private final LongSupplier clock;
    private final Signals signals;
    private volatile boolean closed;
    /** {@link #clock} of the cluster's last answer to any operation. */
    private volatile long lastAnswer;
    /** When an operation last gave up on the cluster, or 0. */
    private volatile long gaveUpAt;
    private volatile long lastProbe;

    /**
     * @param name    the cluster's name, for messages
     * @param timeout the operation timeout: how long the cluster may be silent before operations give up
     * @param clock   the time in nanoseconds, as {@link System#nanoTime()}
     */
    ClusterLiveness(String name, Duration timeout, LongSupplier clock, Signals signals) {
        this.name = name;
        this.timeout = timeout;
        this.timeoutNanos = timeout.toNanos();
        this.clock = clock;
        this.signals = signals;
        this.lastAnswer = clock.getAsLong();
    }

    /** How often an operation checks that the cluster is reachable: a tenth of the timeout, 50 ms at least. */
    long checkPeriodNanos() {
        return Math.max(timeoutNanos / 10, MIN_CHECK_PERIOD);
    }

    /** An operation succeeded: the cluster answers. */
    void answered() {
        lastAnswer = clock.getAsLong();
        gaveUpAt = 0;
    }

    /**
     * When the cluster has answered nothing for a quarter of the timeout, asks it something cheap,
     * at most once per check period: a cluster that is alive but only running long jobs, or that lost
     * one server among several, keeps proving it.
     */
    void probeIfSilent() {
        long now = clock.getAsLong();
        if (now - lastAnswer < timeoutNanos / 4 || now - lastProbe < checkPeriodNanos()) {
            return;
        }
        lastProbe = now;
        signals.probe(this::answered);
    }

    /**
     * Whether an operation that has waited {@code ageNanos} gives up: after the operation timeout,
     * when the cluster has not answered anything for half of it (it would have answered a probe by
     * then), or when the cluster has been silent for the whole timeout and this client knows it lost
     * the servers. Once one operation gave up, the others do at once, until the cluster answers
     * again (a probe keeps asking it meanwhile).
     */
    boolean givesUp(long ageNanos) {
        if (hasGivenUp()) {
            probeIfSilent();
            return true;
        }
        long now = clock.getAsLong();
        long silent = now - lastAnswer;
        if (ageNanos >= timeoutNanos && silent >= timeoutNanos / 2 || silent >= timeoutNanos && !reachable()) {
            gaveUpAt = now;
            return true;
        }
        return false;
    }

    /** Whether an operation gave up and the cluster has answered nothing since. */
    boolean hasGivenUp() {
        long gaveUp = gaveUpAt;
        return gaveUp != 0 && lastAnswer - gaveUp < 0;
    }

    /** Whether this client lost the cluster and is trying to reconnect (or making the caches again). */
    boolean disconnected() {
        return signals.reconnecting();
    }

    /** Whether this client is connected and sees at least one server. */
    boolean reachable() {
        return !signals.reconnecting() && signals.seesServers();
    }

    /** The topology version this client sees, or -1 when disconnected. */
    long topologyVersion() {
        return signals.topologyVersion();
    }

    boolean isClosed() {
        return closed;
    }

    /** From now on, operations fail with {@link #closedError()}. */
    void close() {
        closed = true;
    }

    /** The failure of whatever is asked of the cluster once it is closed. */
    ClusterUnavailableException closedError() {
        return new ClusterUnavailableException(name + " is closed: open a new cluster to run cluster streams", null);
    }

    /** The failure of an operation that the cluster, unreachable, did not answer in time. */
    ClusterUnavailableException unavailable(String what, Throwable cause) {
        String reason = cause == null ? "" : " Last error: " + cause.getMessage();
        return new ClusterUnavailableException(name + " did not answer within " + timeout.toMillis() / 1000.0
                + " s (" + what + "): no server is reachable; are its servers running?" + reason, cause);
    }

    @Override
    public String toString() {
        return "ClusterLiveness[" + name + (closed ? ", closed" : hasGivenUp() ? ", given up" : "") + "]";
    }
}
