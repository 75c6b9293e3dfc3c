package io.streamz.cluster.internal.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamz.cluster.internal.job.JobAnswers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The reads a stored batch is owed, and when it is removed; the fetch of its values needs a cluster. */
class TaskResultsTest {
    private static final String KEY = "k1";

    /** The keys removed, each removal answered at once. */
    private final List<Set<Object>> removed = new ArrayList<>();
    private final Remover remover = new Remover(keys -> {
        removed.add(Set.copyOf(keys));
        return CompletableFuture.completedFuture(null);
    }, () -> false, "test-cluster");

    private TaskResults storedFor(int consumers) {
        return new TaskResults(KEY, 0, consumers, remover);
    }

    @Test
    void aStoredBatchIsRemovedOnceEveryConsumerReadEveryPresentElement() {
        TaskResults batch = storedFor(2);
        batch.completed(JobAnswers.answer(true, 3, 1));
        assertTrue(batch.readable());

        assertNull(batch.release(3), "one consumer read its three");
        assertFalse(batch.released());
        assertEquals(List.of(), removed);

        assertNotNull(batch.release(3));
        assertEquals(List.of(Set.of(KEY)), removed);
        assertTrue(batch.released());
    }

    @Test
    void aStoredBatchWithNoPresentElementIsRemovedAtOnceForNobodyWillReadIt() {
        storedFor(1).completed(JobAnswers.answer(true, 0, 4));

        assertEquals(List.of(Set.of(KEY)), removed);
    }

    @Test
    void aSoleConsumerReadingTheWholeBatchClaimsItAndRemovesItItself() {
        TaskResults batch = storedFor(1);
        batch.completed(JobAnswers.answer(true, 3, 0));

        assertFalse(batch.claimAll(2), "not every element");
        assertTrue(batch.claimAll(3));
        assertFalse(batch.claimAll(3), "claimed once");
        assertEquals(List.of(), removed, "its task removes the entry");
    }

    @Test
    void aBatchOfSeveralConsumersIsNeverClaimedByOne() {
        TaskResults batch = storedFor(2);
        batch.completed(JobAnswers.answer(true, 3, 0));

        assertFalse(batch.claimAll(3));
    }

    @Test
    void aBatchTheJobDidNotStoreIsNeitherReadableNorRemoved() {
        TaskResults batch = storedFor(1);
        batch.completed(JobAnswers.answer(false, 3, 0));

        assertFalse(batch.readable());
        assertNull(batch.release(3));
        assertFalse(batch.released());
        assertEquals(List.of(), removed);
    }

    @Test
    void aBatchKeepsItsRecipeWhileReadsAreOwedAndForgetsItAfterTheLast() {
        TaskResults batch = storedFor(1);
        Recipe recipe = new Recipe(() -> CompletableFuture.completedFuture(null), Map.of(), remover);
        batch.recomputableBy(recipe);
        batch.completed(JobAnswers.answer(true, 2, 0));

        batch.release(1);
        assertSame(recipe, batch.recipe());
        batch.release(1);
        assertNull(batch.recipe(), "the recipe holds the job and its inputs: memory to give back");
    }

    @Test
    void aBatchRecomputedOnlyForAReRunIsRemovedOnceTheLastTaskThatAskedForItAnswered() {
        TaskResults batch = storedFor(1);
        Recipe recipe = new Recipe(() -> CompletableFuture.completedFuture(null), Map.of(), remover);
        batch.completed(JobAnswers.answer(true, 1, 0));
        batch.release(1);
        removed.clear();
        recipe.recompute();
        recipe.recompute();

        recipe.read(batch);
        assertEquals(List.of(), removed, "another task still reads it");
        recipe.read(batch);
        assertEquals(List.of(Set.of(KEY)), removed);
    }

    @Test
    void aRecomputedBatchThatConsumersStillReadIsLeftToThem() {
        TaskResults batch = storedFor(1);
        Recipe recipe = new Recipe(() -> CompletableFuture.completedFuture(null), Map.of(), remover);
        batch.completed(JobAnswers.answer(true, 2, 0));
        recipe.recompute();

        recipe.read(batch);

        assertEquals(List.of(), removed);
    }
}
