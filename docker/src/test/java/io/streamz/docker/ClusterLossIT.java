package io.streamz.docker;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.streamz.Stream;
import io.streamz.cluster.ClusterUnavailableException;
import io.streamz.cluster.IgniteCluster;
import io.streamz.cluster.IgniteClusterOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.apache.ignite.IgniteState;
import org.apache.ignite.Ignition;
import org.junit.jupiter.api.Test;

/**
 * Every server container dies: emits fail, within the cluster's operation timeout, with an error that names the
 * cluster, whatever state the client node has reached meanwhile; nothing hangs, and the JVM survives. Has a cluster
 * of its own.
 *
 * <p>The one timing assertion in this module: the contract under test is a timeout. The margin is wide, as this is
 * no speed test.
 */
class ClusterLossIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    // How long each job holds its element: it would succeed if the cluster lived, so only the loss can fail it.
    private static final Duration HOLD = Duration.ofSeconds(4);
    // The timeout runs once the client sees the cluster unreachable: its failure detection (10 s in client.xml)
    // comes first, and the 2 cores are busy.
    private static final Duration MARGIN = Duration.ofSeconds(15);
    // Ignite's client gives up rejoining (segmentation) about 30 s after the loss with cluster-config's settings.
    private static final Duration CLIENT_STATE_WAIT = Duration.ofSeconds(60);

    @Test
    void pendingAndNewEmitsFailWithinTheOperationTimeoutNamingTheCluster() throws Exception {
        try (DockerCluster containers = DockerCluster.start(3)) {
            IgniteCluster cluster = containers.connect(IgniteClusterOptions.defaults().withOperationTimeout(TIMEOUT));
            Duration limit = cluster.options().operationTimeout().plus(MARGIN);
            try {
                Stream<Integer> source = Stream.create("doomed");
                source.scatter(cluster).map(ClusterLossIT::hold).gather().sink(x -> { });
                List<CompletableFuture<Void>> pending = IntStream.range(0, 3).mapToObj(source::emitAsync).toList();
                containers.awaitLog("holding 0", Duration.ofSeconds(30));

                long killedAt = System.nanoTime();
                containers.killAll();
                for (CompletableFuture<Void> emit : pending)
                    assertNamesTheCluster(cluster, failureOf(emit, killedAt, limit), "a pending emit");

                // The client goes through three states; an emit must fail the same way in each.
                assertNewEmitFails(source, 3, cluster, limit, "right after the loss");
                awaitClient(cluster, ClusterLossIT::isDisconnected);
                assertNewEmitFails(source, 4, cluster, limit, "while the client tries to rejoin");
                awaitClient(cluster, ClusterLossIT::isStopped);
                assertNewEmitFails(source, 5, cluster, limit, "once the client gave up rejoining");

                long closeAt = System.nanoTime();
                cluster.close();
                assertWithin(limit, closeAt, "close()");
            }
            finally {
                cluster.close();
            }
        }
    }

    /** A job that its node does not outlive: the container is killed while it holds its element. */
    private static int hold(int x) throws InterruptedException {
        System.out.println("holding " + x);
        Thread.sleep(HOLD.toMillis());
        return x;
    }

    private static Throwable failureOf(CompletableFuture<Void> emit, long since, Duration limit) throws Exception {
        long left = limit.toNanos() - (System.nanoTime() - since);
        try {
            emit.get(Math.max(left, 0), TimeUnit.NANOSECONDS);
            return fail("a pending emit succeeded although every server was killed");
        }
        catch (TimeoutException e) {
            return fail("a pending emit neither failed nor succeeded within " + limit + " of the cluster's loss");
        }
        catch (ExecutionException e) {
            return e.getCause();
        }
    }

    private static void assertNewEmitFails(Stream<Integer> source, int x, IgniteCluster cluster, Duration limit,
        String when) {
        RuntimeException refused = assertTimeoutPreemptively(limit,
            () -> assertThrows(RuntimeException.class, () -> source.emit(x)),
            "a new emit " + when + " neither failed nor succeeded within " + limit);
        assertNamesTheCluster(cluster, refused, "a new emit " + when);
    }

    private static void assertNamesTheCluster(IgniteCluster cluster, Throwable failure, String what) {
        if (!(failure instanceof ClusterUnavailableException) || !String.valueOf(failure.getMessage()).contains(cluster.name()))
            fail(what + ": expected a ClusterUnavailableException naming \"" + cluster.name() + "\", got:"
                + Causes.chain(failure), failure);
    }

    /**
     * Waits until the client node is in a state, or {@link #CLIENT_STATE_WAIT} has passed: the emit that follows
     * must fail the same way in either case, this only makes sure that it also meets the later states.
     */
    private static void awaitClient(IgniteCluster cluster, Predicate<IgniteCluster> state) throws InterruptedException {
        long deadline = System.nanoTime() + CLIENT_STATE_WAIT.toNanos();
        while (!state.test(cluster) && System.nanoTime() < deadline)
            Thread.sleep(100);
    }

    private static boolean isDisconnected(IgniteCluster cluster) {
        try {
            return isStopped(cluster) || cluster.ignite().cluster().clientReconnectFuture() != null;
        }
        catch (IllegalStateException stoppedMeanwhile) {
            return true;
        }
    }

    private static boolean isStopped(IgniteCluster cluster) {
        return Ignition.state(cluster.ignite().name()) != IgniteState.STARTED;
    }

    private static void assertWithin(Duration limit, long since, String what) {
        Duration took = Duration.ofNanos(System.nanoTime() - since);
        assertTrue(took.compareTo(limit) < 0, what + " took " + took + ", over the limit of " + limit);
    }
}
