package io.streamz.cluster.internal.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamz.cluster.ClusterUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.ignite.IgniteCache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The registry of what open steps leave on the cluster, on a stub state cache: no node. */
class StepLifetimesTest {
    private boolean reconnecting;
    /** The key sets the state cache was asked to remove. */
    private final List<Set<?>> removed = new ArrayList<>();
    private final DriverThreads threads = new DriverThreads();
    private final ClusterLiveness liveness = TestLiveness.of(() -> reconnecting);
    @SuppressWarnings("unchecked")
    private final IgniteCache<Object, byte[]> states = Stubs.of(IgniteCache.class, Map.of("removeAll", args -> {
        synchronized (removed) {
            removed.add(Set.copyOf((Set<?>) args[0]));
        }
        return null;
    }));
    // No task is started here, so no task timeouts are needed.
    private final StepLifetimes lifetimes = new StepLifetimes("test-cluster", new ClusterCalls(threads, liveness, null),
            () -> states, null);

    @AfterEach
    void stopThreads() {
        threads.shutdown();
    }

    @Test
    void closingFailsWhatWaitsInEveryRegisteredDispatcher() {
        RecordingDispatcher first = new RecordingDispatcher();
        RecordingDispatcher second = new RecordingDispatcher();
        lifetimes.register(first);
        lifetimes.register(second);

        ClusterUnavailableException reason = liveness.closedError();
        lifetimes.abandonAll(reason);

        assertEquals(List.of(reason), first.abandoned);
        assertSame(reason, second.abandoned.get(0));
    }

    @Test
    void theDriverLeavingRemovesTheStatesStillRegisteredInOneCall() {
        lifetimes.registerState(new Object(), "kept by a step");
        lifetimes.registerState(new Object(), "now a named state");
        lifetimes.unregisterState("now a named state");

        lifetimes.forgetStates();

        assertEquals(List.of(Set.of("kept by a step")), removed);
    }

    @Test
    void aDriverThatLostTheClusterDoesNotWaitToRemoveItsStates() {
        lifetimes.registerState(new Object(), "state");
        reconnecting = true;

        lifetimes.forgetStates();

        assertTrue(removed.isEmpty(), "the servers are gone: so are the states");
    }

    @Test
    void aStateForgottenAfterTheClusterClosedIsNotRemovedByThatCall() {
        lifetimes.registerState(new Object(), "state");
        liveness.close();

        lifetimes.forgetState("state");
        lifetimes.forgetStates();

        assertEquals(List.of(Set.of("state")), removed, "forgetState sent nothing; forgetStates, before closing, still does");
    }

    /** A dispatcher that only records why it was abandoned. */
    private static final class RecordingDispatcher implements Dispatcher {
        final List<Throwable> abandoned = new ArrayList<>();

        @Override
        public void submit(Object input, Handle output) {
            throw new UnsupportedOperationException("no element is sent in this test");
        }

        @Override
        public CompletableFuture<Void> idle() {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void abandon(Throwable reason) {
            abandoned.add(reason);
        }
    }
}
