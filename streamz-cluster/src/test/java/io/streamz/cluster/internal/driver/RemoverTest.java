package io.streamz.cluster.internal.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class RemoverTest {
    /** The removals sent to the cluster, in order, each completed by the test. */
    private final List<Set<Object>> sent = new ArrayList<>();
    private final List<CompletableFuture<Void>> answers = new ArrayList<>();
    private final Remover remover = new Remover(keys -> {
        sent.add(Set.copyOf(keys));
        CompletableFuture<Void> answer = new CompletableFuture<>();
        answers.add(answer);
        return answer;
    }, () -> false, "test-cluster");

    @Test
    void aRemovalIsSentAtOnceAndCompletesWhenTheClusterAnswers() {
        CompletableFuture<Void> removed = remover.remove("k1");

        assertEquals(List.of(Set.of("k1")), sent);
        assertFalse(removed.isDone());
        answers.get(0).complete(null);
        assertTrue(removed.isDone());
    }

    @Test
    void removalsAskedWhileOneIsInFlightGoTogetherInTheNext() {
        remover.remove("k1");
        CompletableFuture<Void> second = remover.remove("k2");
        CompletableFuture<Void> third = remover.remove("k3");
        assertEquals(1, sent.size(), "a busy stream sends few removals");

        answers.get(0).complete(null);

        assertEquals(List.of(Set.of("k1"), Set.of("k2", "k3")), sent);
        assertFalse(second.isDone() || third.isDone());
        answers.get(1).complete(null);
        assertTrue(second.isDone() && third.isDone());
    }

    @Test
    void aFailedRemovalCompletesItsFuturesNormallyAndTheNextOnesAreStillSent() {
        CompletableFuture<Void> first = remover.remove("k1");
        remover.remove("k2");

        answers.get(0).completeExceptionally(new IllegalStateException("the cluster is gone"));

        assertTrue(first.isDone() && !first.isCompletedExceptionally(), "what waits on a removal must not fail with it");
        assertEquals(List.of(Set.of("k1"), Set.of("k2")), sent);
    }

    @Test
    void idleCompletesOnceNoRemovalIsPendingAnyMore() {
        assertTrue(remover.idle().isDone(), "nothing to remove");
        remover.remove("k1");
        remover.remove("k2");
        CompletableFuture<Void> idle = remover.idle();

        answers.get(0).complete(null);
        assertFalse(idle.isDone(), "k2 is on its way");
        answers.get(1).complete(null);

        assertTrue(idle.isDone());
        assertTrue(remover.idle().isDone());
    }

    @Test
    void aKeyAskedTwiceBeforeItsRemovalIsSentOnceAndAnswersBoth() {
        remover.remove("k0");
        CompletableFuture<Void> once = remover.remove("k1");
        CompletableFuture<Void> twice = remover.remove("k1");

        answers.get(0).complete(null);
        answers.get(1).complete(null);

        assertEquals(Set.of("k1"), sent.get(1));
        assertTrue(once.isDone() && twice.isDone());
    }
}
