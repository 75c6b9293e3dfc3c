package io.streamz.cluster.internal.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BatchPolicyTest {
    private static final int THREADS = 8;

    @Test
    void anUnmeasuredFunctionGoesOnePerTaskOnEveryThreadWithAQuarterMoreQueued() {
        BatchPolicy policy = new BatchPolicy();

        assertEquals(1, policy.batchLimit());
        assertEquals(10, policy.maxTasks(100, THREADS));
    }

    @Test
    void aSlowFunctionStaysOnePerTaskWithQueuedTasksToStartWhenAThreadFrees() {
        BatchPolicy policy = new BatchPolicy();
        policy.record(1, 100_000_000);

        assertEquals(1, policy.batchLimit());
        assertEquals(10, policy.maxTasks(40, THREADS));
        assertEquals(3, policy.maxTasks(40, 2));
        assertEquals(2, policy.maxTasks(40, 1));
    }

    @Test
    void aCheapFunctionGoesInLargeBatchesWithFewTasks() {
        BatchPolicy policy = new BatchPolicy();
        policy.record(1_000, 1_000_000);

        assertEquals(BatchPolicy.MAX_BATCH, policy.batchLimit());
        assertEquals(BatchPolicy.MAX_BATCH, policy.taskSize(5_000));
        assertEquals(BatchPolicy.MIN_TASKS, policy.maxTasks(2, THREADS));
        assertEquals(10, policy.maxTasks(5_000, THREADS));
    }

    @Test
    void aSmallWindowOfCheapElementsIsOutInTwoTasksNotOne() {
        BatchPolicy policy = new BatchPolicy();
        policy.record(1_000, 100_000);

        assertEquals(32, policy.taskSize(64));
        assertEquals(2, policy.maxTasks(64, THREADS));
        assertEquals(2, policy.taskSize(3));
        assertEquals(BatchPolicy.MAX_BATCH, policy.taskSize(4_096));
        assertEquals(8, policy.maxTasks(4_096, THREADS));
    }

    @Test
    void aWindowRefillingAfterAnAnswerKeepsTheTaskSizeOfTheWholeWindow() {
        BatchPolicy policy = new BatchPolicy();
        policy.record(1_000, 100_000);
        assertEquals(32, policy.taskSize(policy.window(64)));

        assertEquals(64, policy.window(3), "right after an answer the step holds little, but the window refills");
        assertEquals(32, policy.taskSize(policy.window(3)));
    }

    @Test
    void theWindowShrinksToWhatTheStepHoldsOnceItHoldsLessForAWhile() {
        BatchPolicy policy = new BatchPolicy();
        policy.record(1_000, 100_000);
        policy.window(64);

        policy.sent(2);
        assertEquals(56, policy.window(2), "an eighth less per task sent");
        for (int i = 0; i < 30; i++) {
            policy.sent(2);
        }
        assertEquals(2, policy.window(2));
        assertEquals(1, policy.taskSize(policy.window(2)));
        policy.sent(40);
        assertEquals(40, policy.window(2), "a task sent while more were held raises it again");
    }

    @Test
    void replaysSayNothingAboutTheFunction() {
        BatchPolicy policy = new BatchPolicy();
        policy.record(10, 0);

        assertEquals(1, policy.batchLimit());
    }
}
