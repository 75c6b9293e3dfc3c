package io.streamz.cluster.config;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apache.ignite.Ignite;
import org.apache.ignite.Ignition;

/**
 * Halts a server process that comes back from a freeze (a {@code docker pause}, a stalled host, a stop-the-world
 * pause) longer than the cluster can have waited for it, so that the container's restart policy brings it back as a
 * fresh member.
 *
 * <p>The other servers drop a node silent for their {@code failureDetectionTimeout} (5 s in server.xml). Ignite's own
 * answer, when the dropped node runs again, is to find itself segmented and halt through its failure handler; but a
 * node resumed after a long freeze first has its whole backlog at once (timers, queued messages, the connections the
 * others closed), and in a CI run on 2 busy cores one such node went on running, never told it was out, for over a
 * minute. This guard needs no message from anyone: a thread of its own sleeps {@value #TICK_MILLIS} ms at a time, and
 * a sleep that ends more than twice the failure detection timeout late, while the node had other servers, means the
 * others have certainly dropped it. It then halts the JVM with status {@value #FROZEN}, after one
 * line on standard error saying why.
 *
 * <p>A lone server (no other server in its topology before the freeze) is never halted: nobody can have dropped it,
 * and halting would lose what it holds. Only the Docker image's entry point ({@link ServerMain}) starts a guard: an
 * embedded cluster shares its JVM with the driver and the tests, which must not be halted.
 */
final class FreezeGuard {
    /** Exit status of a node halted by the guard (Ignite's own failure handler halts with 130). */
    static final int FROZEN = 3;
    static final long TICK_MILLIS = 500;

    /** What the guard reads of the local node, once it has started. */
    record NodeView(int otherServers, long failureDetectionMillis) {
    }

    private final Supplier<Optional<NodeView>> node;
    private int otherServersBefore;

    /** A guard reading the local node from {@code node}: empty while none has started. */
    FreezeGuard(Supplier<Optional<NodeView>> node) {
        this.node = node;
    }

    /** Starts a daemon thread guarding this JVM's Ignite server node, as soon as one runs. */
    static void startForThisJvm() {
        FreezeGuard guard = new FreezeGuard(FreezeGuard::localServer);
        Thread thread = new Thread(guard::run, "streamz-freeze-guard");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * One tick, after a sleep of {@value #TICK_MILLIS} ms that took {@code sleptNanos} ({@link System#nanoTime()},
     * which runs on while the process is frozen): why the node must halt now, or empty. Only the sleep counts: reading
     * the node (which may wait while Ignite starts or changes its topology) is never taken for a freeze.
     */
    Optional<String> tick(long sleptNanos) {
        Optional<NodeView> view = node.get();
        int others = otherServersBefore;
        otherServersBefore = view.map(NodeView::otherServers).orElse(0);
        if (view.isEmpty() || others == 0) {
            return Optional.empty();
        }
        long limitMillis = 2 * view.get().failureDetectionMillis();
        long frozenMillis = TimeUnit.NANOSECONDS.toMillis(sleptNanos) - TICK_MILLIS;
        if (frozenMillis <= limitMillis) {
            return Optional.empty();
        }
        return Optional.of(String.format("streamz server: this JVM was frozen for %.1f s, more than twice the"
                + " failureDetectionTimeout (%d ms): the %d other server(s) have dropped this node, so it halts"
                + " (status %d) and its restart policy brings it back as a fresh member", frozenMillis / 1000.0,
            view.get().failureDetectionMillis(), others, FROZEN));
    }

    /** Waits one tick; what {@link Thread#sleep} does on the guard's thread. */
    interface Sleep {
        void tick() throws InterruptedException;
    }

    /** One round: a tick's sleep, timed on {@code clock} (nanoseconds), then {@link #tick(long)}. */
    Optional<String> round(LongSupplier clock, Sleep sleep) throws InterruptedException {
        long before = clock.getAsLong();
        sleep.tick();
        return tick(clock.getAsLong() - before);
    }

    private void run() {
        while (true) {
            Optional<String> reason;
            try {
                reason = round(System::nanoTime, () -> Thread.sleep(TICK_MILLIS));
            }
            catch (InterruptedException e) {
                return;
            }
            if (reason.isPresent()) {
                System.err.println(reason.get());
                System.err.flush();
                Runtime.getRuntime().halt(FROZEN);
            }
        }
    }

    private static Optional<NodeView> localServer() {
        try {
            List<Ignite> started = Ignition.allGrids();
            if (started.isEmpty()) {
                return Optional.empty();
            }
            Ignite ignite = started.get(0);
            return Optional.of(new NodeView(ignite.cluster().forServers().forRemotes().nodes().size(),
                ignite.configuration().getFailureDetectionTimeout()));
        }
        catch (RuntimeException stoppingOrStarting) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "FreezeGuard[tick " + TICK_MILLIS + " ms, " + otherServersBefore + " other servers]";
    }
}
