package io.streamz.cluster.internal.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.internal.util.future.IgniteFinishedFutureImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Where a stateful step keeps its state and when that goes, on a stub state cache: no node. */
class StateHomeTest {
    /** What the state cache was asked to remove, one key at a time or all at once. */
    private final List<Object> removed = new ArrayList<>();
    private final CountDownLatch removals = new CountDownLatch(2);
    private final DriverThreads threads = new DriverThreads();
    private final ClusterLiveness liveness = TestLiveness.of(() -> false);
    @SuppressWarnings("unchecked")
    private final IgniteCache<Object, byte[]> states = Stubs.of(IgniteCache.class, Map.of(
            "removeAsync", args -> {
                synchronized (removed) {
                    removed.add(args[0]);
                }
                removals.countDown();
                return new IgniteFinishedFutureImpl<>(true);
            },
            "removeAll", args -> {
                synchronized (removed) {
                    removed.add(Set.copyOf((Set<?>) args[0]));
                }
                return null;
            }));
    private final StepLifetimes lifetimes = new StepLifetimes("test-cluster", new ClusterCalls(threads, liveness, null),
            () -> states, null);
    private final List<String> claimed = new ArrayList<>();
    private final StateHome home = new StateHome(lifetimes, name -> {
        claimed.add(name);
        throw new AssertionError("no name is claimed in these tests: that needs a cluster");
    }, null, "cluster accumulate");

    @AfterEach
    void stopThreads() {
        threads.shutdown();
    }

    @Test
    void anUnnamedStatesKeysAreRemovedOnlyOnceTheElementsSentAreApplied() throws InterruptedException {
        home.track("a");
        home.track("b");
        home.track("a");
        CompletableFuture<Void> applied = new CompletableFuture<>();

        home.release(applied);
        assertTrue(removed.isEmpty(), "a job still running would write the state again");

        applied.complete(null);
        assertTrue(removals.await(10, TimeUnit.SECONDS), "removed: " + removed);
        synchronized (removed) {
            assertEquals(Set.of("a", "b"), Set.copyOf(removed));
        }
    }

    @Test
    void eachTrackedKeyIsRemovedOnceWhenTheDriverLeaves() {
        home.track("a");
        home.track("b");
        home.track("a");

        lifetimes.forgetStates();

        assertEquals(List.of(Set.of("a", "b")), removed);
    }

    @Test
    void aStepThatTookElementsCannotBeNamedAndClaimsNothing() {
        home.describedBy("cluster accumulate Sum");

        IllegalStateException late = assertThrows(IllegalStateException.class, () -> home.name("totals", true));

        assertTrue(late.getMessage().startsWith("cluster accumulate Sum has taken elements already"), late.getMessage());
        assertTrue(late.getMessage().contains("durable(...)"), late.getMessage());
        assertEquals(List.of(), claimed);
    }
}
