package io.streamz.cluster.internal.driver;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamz.cluster.ClusterTaskTimeoutException;
import io.streamz.cluster.internal.job.TaskLimit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCluster;
import org.apache.ignite.IgniteMessaging;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.lang.IgniteBiPredicate;
import org.junit.jupiter.api.Test;

class TaskTimeoutsTest {
    private static final UUID SERVER = new UUID(0, 9);

    /** What the client node's messaging was asked: the listener on the notices' topic, and whether it stopped. */
    private final AtomicReference<IgniteBiPredicate<UUID, Object>> listener = new AtomicReference<>();
    private final AtomicReference<Object> stopped = new AtomicReference<>();
    private boolean clientGone;
    private final TaskTimeouts timeouts = new TaskTimeouts(client(), Duration.ofSeconds(2));

    @SuppressWarnings("unchecked")
    private Ignite client() {
        ClusterNode self = Stubs.of(ClusterNode.class, Map.of("id", args -> new UUID(0, 1)));
        IgniteCluster cluster = Stubs.of(IgniteCluster.class, Map.of("localNode", args -> self));
        IgniteMessaging messaging = Stubs.of(IgniteMessaging.class, Map.of(
                "localListen", args -> {
                    assertEquals(TaskLimit.TOPIC, args[0]);
                    listener.set((IgniteBiPredicate<UUID, Object>) args[1]);
                    return null;
                },
                "stopLocalListen", args -> {
                    if (clientGone) {
                        throw new IllegalStateException("the client node is stopped");
                    }
                    stopped.set(args[1]);
                    return null;
                }));
        return Stubs.of(Ignite.class, Map.of("cluster", args -> cluster, "message", args -> messaging));
    }

    /** A server's notice that the function of task {@code task} ignored the interrupt; whether to keep listening. */
    private boolean notice(Object task) {
        return listener.get().apply(SERVER, task);
    }

    @Test
    void eachTaskGetsALimitOfItsOwnNamingItsStepAndTheTimeout() {
        TaskLimit first = timeouts.limit("cluster map");
        TaskLimit second = timeouts.limit("cluster filter");

        assertTrue(second.task() != first.task(), "a notice names its task by number");
        assertEquals("cluster map within 2 s", first.toString());
    }

    @Test
    void aNoticeThatAWatchedTasksFunctionIgnoredTheInterruptGivesTheTaskUpOnce() {
        TaskLimit limit = timeouts.limit("cluster map");
        List<Throwable> givenUp = new ArrayList<>();
        timeouts.watch(limit, givenUp::add);

        assertTrue(notice(limit.task()), "the listener keeps listening");
        assertTrue(notice(limit.task()));

        assertEquals(1, givenUp.size());
        ClusterTaskTimeoutException failure = assertInstanceOf(ClusterTaskTimeoutException.class, givenUp.get(0));
        assertTrue(failure.getMessage().startsWith("cluster map: "), failure.getMessage());
        assertTrue(failure.getMessage().contains("ignored the interrupt"), failure.getMessage());
    }

    @Test
    void aNoticeForATaskThatAnsweredOrForAnotherTaskChangesNothing() {
        TaskLimit answered = timeouts.limit("cluster map");
        TaskLimit running = timeouts.limit("cluster map");
        List<Throwable> givenUp = new ArrayList<>();
        timeouts.watch(answered, givenUp::add);
        timeouts.watch(running, givenUp::add);
        timeouts.forget(answered);

        notice(answered.task());
        notice("not a task number");

        assertEquals(List.of(), givenUp);
    }

    @Test
    void closingStopsListeningWithTheListenerItStartedWith() {
        IgniteBiPredicate<UUID, Object> started = listener.get();
        assertNotNull(started);

        timeouts.close();

        assertSame(started, stopped.get());
    }

    @Test
    void closingAfterTheClientNodeStoppedDoesNotFail() {
        clientGone = true;

        assertDoesNotThrow(timeouts::close);
    }
}
