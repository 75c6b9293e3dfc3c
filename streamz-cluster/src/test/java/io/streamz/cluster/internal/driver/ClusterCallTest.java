package io.streamz.cluster.internal.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamz.cluster.ClusterUnavailableException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.ignite.IgniteException;
import org.apache.ignite.cluster.ClusterTopologyException;
import org.apache.ignite.internal.util.future.GridFutureAdapter;
import org.apache.ignite.internal.util.future.IgniteFutureImpl;
import org.apache.ignite.lang.IgniteFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One operation on the cluster without a cluster: the test plays Ignite, answering or failing each
 * attempt, and moves the topology on; the driver's threads and liveness are the real ones.
 */
class ClusterCallTest {
    private static final Duration TIMEOUT = Duration.ofMillis(300);

    /** The topology version the client sees. */
    private final AtomicLong topology = new AtomicLong(1);
    /** Whether nodes keep leaving: each look at the topology sees a newer version. */
    private volatile boolean changing;
    private final DriverThreads threads = new DriverThreads();
    private final ClusterLiveness liveness = new ClusterLiveness("test-cluster", TIMEOUT, System::nanoTime,
            new ClusterLiveness.Signals() {
                @Override
                public boolean reconnecting() {
                    return false;
                }

                @Override
                public boolean seesServers() {
                    return true;
                }

                @Override
                public long topologyVersion() {
                    return changing ? topology.incrementAndGet() : topology.get();
                }

                @Override
                public void probe(Runnable onAnswer) {
                    // A silent cluster: probes go unanswered.
                }
            });
    private final TaskTimeouts timeouts = new TaskTimeouts(TaskBench.client(), Duration.ofSeconds(10));
    private final ClusterCalls calls = new ClusterCalls(threads, liveness, timeouts);
    private final AtomicInteger attempts = new AtomicInteger();

    @AfterEach
    void stop() {
        liveness.close();
        timeouts.close();
        threads.shutdown();
    }

    /** Starts an operation whose attempt number {@code n} (from 1) ends as {@code attempt} says. */
    private CompletableFuture<String> start(Function<Integer, IgniteFuture<String>> attempt) {
        return ClusterCall.start(calls, "test operation", () -> attempt.apply(attempts.incrementAndGet()));
    }

    private static IgniteFuture<String> answered(String value) {
        GridFutureAdapter<String> done = new GridFutureAdapter<>();
        done.onDone(value);
        return new IgniteFutureImpl<>(done);
    }

    private static IgniteFuture<String> failed(Throwable error) {
        GridFutureAdapter<String> done = new GridFutureAdapter<>();
        done.onDone(error);
        return new IgniteFutureImpl<>(done);
    }

    private static Throwable failureOf(CompletableFuture<?> result) {
        return assertThrows(ExecutionException.class, () -> result.get(10, TimeUnit.SECONDS)).getCause();
    }

    @Test
    void anAnsweredOperationCompletesWithTheAnswerOnADriverCallbackThread() throws Exception {
        CompletableFuture<String> thread = new CompletableFuture<>();
        GridFutureAdapter<String> answer = new GridFutureAdapter<>();
        CompletableFuture<String> result = start(n -> new IgniteFutureImpl<>(answer)).thenApply(v -> {
            thread.complete(Thread.currentThread().getName());
            return v;
        });

        // Answered on this thread, as Ignite answers on one of its own, once the call waits for it (a call
        // answered before thenApply was attached would run it on the test's thread instead).
        answer.onDone("v");
        String value = result.get(10, TimeUnit.SECONDS);

        assertEquals("v", value);
        assertEquals(1, attempts.get());
        assertTrue(thread.get().contains("-callback-"), "completed on " + thread.get() + ", not on Ignite's threads");
    }

    @Test
    void anAttemptLostToATopologyChangeIsMadeAgainOnTheNewTopology() throws Exception {
        changing = true;
        CompletableFuture<String> result = start(n -> n == 1 ? failed(new ClusterTopologyException("the node running it left"))
                : answered("second"));

        assertEquals("second", result.get(10, TimeUnit.SECONDS));
        assertEquals(2, attempts.get());
    }

    @Test
    void aFailureThatARetryWouldNotCureFailsAtOnceWithTheOriginalError() {
        IllegalStateException original = new IllegalStateException("cannot marshal");

        Throwable error = failureOf(start(n -> failed(new IgniteException(original))));

        assertEquals(original, error, "Ignite's wrapper is taken off");
        assertEquals(1, attempts.get());
    }

    @Test
    void anOperationOnAClusterSilentForTheOperationTimeoutGivesUpNamingTheClusterAndTheOperation() {
        Throwable error = failureOf(start(n -> failed(new ClusterTopologyException("no server"))));

        ClusterUnavailableException unavailable = assertInstanceOf(ClusterUnavailableException.class, error);
        assertTrue(unavailable.getMessage().contains("test-cluster did not answer"), unavailable.getMessage());
        assertTrue(unavailable.getMessage().contains("test operation"), unavailable.getMessage());
        assertTrue(liveness.hasGivenUp(), "the next operations give up at once too");
    }

    @Test
    void anOperationOnAClosedClusterFailsWithoutBeingSent() {
        liveness.close();

        Throwable error = failureOf(start(n -> answered("never")));

        assertInstanceOf(ClusterUnavailableException.class, error);
        assertTrue(error.getMessage().contains("is closed"), error.getMessage());
        assertEquals(0, attempts.get());
    }
}
