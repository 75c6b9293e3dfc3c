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
    void replaysSayNothingAboutTheFunction() {
        BatchPolicy policy = new BatchPolicy();
        policy.record(10, 0);

        assertEquals(1, policy.batchLimit());
    }
}
