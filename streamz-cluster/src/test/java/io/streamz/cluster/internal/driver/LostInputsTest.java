package io.streamz.cluster.internal.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamz.cluster.internal.job.JobResult;
import io.streamz.cluster.internal.job.MissingInputException;
import io.streamz.cluster.internal.job.JobAnswers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.apache.ignite.IgniteException;
import org.junit.jupiter.api.Test;

class LostInputsTest {
    private final Remover remover = new Remover(keys -> CompletableFuture.completedFuture(null), () -> false, "test-cluster");
    private final TaskResults lost = new TaskResults("k1", 3, 1, remover);
    /** The keys of the batches recomputed, in order. */
    private final List<Object> recomputed = new ArrayList<>();

    /** A recipe for {@code batch} whose job answers with what {@code rerun} gives; it reads {@code inputs}. */
    private Recipe recipe(TaskResults batch, Map<TaskResults, Recipe> inputs, Supplier<CompletableFuture<JobResult>> rerun) {
        return new Recipe(() -> {
            recomputed.add(batch.key());
            return rerun.get();
        }, inputs, remover);
    }

    private static CompletableFuture<JobResult> answered() {
        return CompletableFuture.completedFuture(null);
    }

    /** The job's failure as a task's future gives it: under Ignite's and the futures' wrappers. */
    private static CompletableFuture<JobResult> lostInput(Object key) {
        return CompletableFuture.failedFuture(new CompletionException(new IgniteException(JobAnswers.missingInput(key))));
    }

    /** A task whose attempts answer, in turn, what {@code answers} holds (the last one again and again). */
    private static final class Task implements Supplier<CompletableFuture<JobResult>> {
        private final List<Supplier<CompletableFuture<JobResult>>> answers;
        int attempts;

        @SafeVarargs
        Task(Supplier<CompletableFuture<JobResult>>... answers) {
            this.answers = List.of(answers);
        }

        @Override
        public CompletableFuture<JobResult> get() {
            return answers.get(Math.min(attempts++, answers.size() - 1)).get();
        }
    }

    private static Throwable failureOf(CompletableFuture<?> future) {
        return assertThrows(ExecutionException.class, future::get).getCause();
    }

    @Test
    void aTaskWhoseInputsAreThereRunsOnce() {
        Task task = new Task(LostInputsTest::answered);

        CompletableFuture<JobResult> result = LostInputs.run(Map.of(lost, recipe(lost, Map.of(), LostInputsTest::answered)), task);

        assertTrue(result.isDone() && !result.isCompletedExceptionally());
        assertEquals(1, task.attempts);
        assertEquals(List.of(), recomputed);
    }

    @Test
    void aTaskThatLostAStoredInputRecomputesItFromItsRecipeThenRunsAgain() {
        Task task = new Task(() -> lostInput("k1"), LostInputsTest::answered);

        CompletableFuture<JobResult> result = LostInputs.run(Map.of(lost, recipe(lost, Map.of(), LostInputsTest::answered)), task);

        assertFalse(result.isCompletedExceptionally());
        assertEquals(List.of("k1"), recomputed);
        assertEquals(2, task.attempts);
    }

    @Test
    void aLostInputsOwnLostInputIsRecomputedFirst() {
        TaskResults older = new TaskResults("k0", 5, 1, remover);
        Recipe olderRecipe = recipe(older, Map.of(), LostInputsTest::answered);
        Task rerunOfK1 = new Task(() -> lostInput("k0"), LostInputsTest::answered);
        Task task = new Task(() -> lostInput("k1"), LostInputsTest::answered);

        CompletableFuture<JobResult> result = LostInputs.run(Map.of(lost, recipe(lost, Map.of(older, olderRecipe), rerunOfK1)), task);

        assertFalse(result.isCompletedExceptionally());
        assertEquals(List.of("k1", "k0", "k1"), recomputed);
    }

    @Test
    void anInputLostAgainAndAgainIsRecomputedAFewTimesThenTheTaskFailsSayingWhy() {
        Task task = new Task(() -> lostInput("k1"));

        Throwable failure = failureOf(LostInputs.run(Map.of(lost, recipe(lost, Map.of(), LostInputsTest::answered)), task));

        assertEquals(LostInputs.MAX_RECOMPUTATIONS, recomputed.size());
        assertInstanceOf(IllegalStateException.class, failure);
        assertTrue(failure.getMessage().contains("recomputed 3 times and lost again: check that the servers stay up"),
                failure.getMessage());
        assertInstanceOf(MissingInputException.class, failure.getCause());
    }

    @Test
    void aLostAccumulateOutputHasNoRecipeAndFailsTheTaskSayingSo() {
        Map<TaskResults, Recipe> inputs = new HashMap<>();
        inputs.put(lost, null);

        Throwable failure = failureOf(LostInputs.run(inputs, new Task(() -> lostInput("k1"))));

        assertTrue(failure.getMessage().contains("it cannot be recomputed: it is the output of an accumulate"),
                failure.getMessage());
    }

    @Test
    void aFailureOtherThanALostInputFailsTheTaskAsItCame() {
        IllegalArgumentException original = new IllegalArgumentException("the function failed");
        Task task = new Task(() -> CompletableFuture.failedFuture(original));

        Throwable failure = failureOf(LostInputs.run(Map.of(lost, recipe(lost, Map.of(), LostInputsTest::answered)), task));

        assertSame(original, failure);
        assertEquals(List.of(), recomputed);
    }

    @Test
    void aLostBatchThatIsNotAnInputOfTheTaskIsNotRecomputed() {
        Task task = new Task(() -> lostInput("some other key"));

        Throwable failure = failureOf(LostInputs.run(Map.of(lost, recipe(lost, Map.of(), LostInputsTest::answered)), task));

        assertInstanceOf(MissingInputException.class, failure.getCause());
        assertEquals(List.of(), recomputed);
        assertEquals(1, task.attempts);
    }

    @Test
    void tasksThatLostTheSameBatchTogetherShareOneRecomputation() {
        CompletableFuture<JobResult> rerun = new CompletableFuture<>();
        Recipe shared = recipe(lost, Map.of(), () -> rerun);
        Task first = new Task(() -> lostInput("k1"), LostInputsTest::answered);
        Task second = new Task(() -> lostInput("k1"), LostInputsTest::answered);

        CompletableFuture<JobResult> one = LostInputs.run(Map.of(lost, shared), first);
        CompletableFuture<JobResult> other = LostInputs.run(Map.of(lost, shared), second);
        assertFalse(one.isDone() || other.isDone());
        rerun.complete(null);

        assertEquals(List.of("k1"), recomputed);
        assertFalse(one.isCompletedExceptionally() || other.isCompletedExceptionally());
        assertTrue(one.isDone() && other.isDone());
    }
}
