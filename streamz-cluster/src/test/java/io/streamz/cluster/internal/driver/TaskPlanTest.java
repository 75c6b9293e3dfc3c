package io.streamz.cluster.internal.driver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamz.cluster.internal.job.JobAnswers;
import io.streamz.cluster.internal.job.JobResult;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One task on the driver, without a cluster: which inputs it consumes, and how its answer settles its elements. */
class TaskPlanTest {
    private final TaskBench bench = new TaskBench();

    @AfterEach
    void close() {
        bench.close();
    }

    /** Items reading {@code handles} into fresh result handles. */
    private static List<Item> itemsOf(Handle... inputs) {
        return Arrays.stream(inputs).map(input -> new Item(input, new Handle())).toList();
    }

    /** A batch stored in partition 0 that one step reads, answered with {@code present} present elements. */
    private TaskResults storedBatch(int present) {
        TaskResults batch = bench.tasks("producer").results(0);
        batch.completed(JobAnswers.answer(true, present, 0));
        return batch;
    }

    /** Handles to elements {@code 0..count-1} of {@code batch}. */
    private static Handle[] handlesTo(TaskResults batch, int count) {
        Handle[] handles = new Handle[count];
        for (int i = 0; i < count; i++) {
            handles[i] = new Handle();
            handles[i].present(batch, i);
        }
        return handles;
    }

    @Test
    void anAnswerSettlesEachElementPresentAbsentOrFailedAsTheJobSaid() throws Exception {
        List<Item> items = itemsOf(bench.scattered(1), bench.scattered(2));
        TaskPlan plan = TaskPlan.of(items, true);
        TaskResults out = bench.tasks("cluster map").results(0);

        plan.finish(bench.store, out, JobAnswers.answer(true, 1, 1), null).get(10, TimeUnit.SECONDS);

        assertSame(out, items.get(0).output.batch());
        assertEquals(0, items.get(0).output.index());
        assertTrue(items.get(1).output.isAbsent());
        assertNull(items.get(1).output.failure());
    }

    @Test
    void theFirstElementOfATaskIsSettledLastSoThatAnInOrderConsumerWakesOncePerTask() throws Exception {
        List<Item> items = itemsOf(bench.scattered(1), bench.scattered(2), bench.scattered(3));
        List<Integer> settled = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            int element = i;
            items.get(i).output.ready().thenRun(() -> settled.add(element));
        }

        TaskPlan.of(items, true).finish(bench.store, bench.tasks("cluster map").results(0), JobAnswers.answer(true, 3, 0), null)
                .get(10, TimeUnit.SECONDS);

        assertEquals(List.of(1, 2, 0), settled);
    }

    @Test
    void eachElementOfATaskWhoseFunctionFailedFailsWithTheUsersException() throws Exception {
        List<Item> items = itemsOf(bench.scattered(1), bench.scattered(2));
        TaskPlan plan = TaskPlan.of(items, true);
        IllegalArgumentException thrown = new IllegalArgumentException("no twos");
        JobResult answer = JobAnswers.allFailed(bench.codec, 2, thrown);

        plan.finish(bench.store, bench.tasks("cluster map").results(0), answer, null).get(10, TimeUnit.SECONDS);

        for (Item item : items) {
            assertEquals(IllegalArgumentException.class, item.output.failure().getClass());
            assertEquals("no twos", item.output.failure().getMessage());
        }
    }

    @Test
    void aTaskThatFailedForGoodFailsItsElementsAndRemovesWhatItMayHaveStoredAndTheInputsItConsumed() throws Exception {
        TaskResults input = storedBatch(2);
        List<Item> items = itemsOf(handlesTo(input, 2));
        TaskPlan plan = TaskPlan.of(items, true);
        assertArrayEquals(new Object[] {input.key()}, plan.consumed, "its sole consumer reads the whole batch: the job removes it");
        TaskResults out = bench.tasks("cluster map").results(0);
        RuntimeException lost = new RuntimeException("the cluster is gone");

        plan.finish(bench.store, out, null, lost).get(10, TimeUnit.SECONDS);

        for (Item item : items) {
            assertSame(lost, item.output.failure());
        }
        assertEquals(List.of(out.key(), input.key()), bench.removedKeys());
    }

    @Test
    void whenTheJobCannotReplayWithoutItsInputsTheDriverRemovesThemAfterTheAnswer() throws Exception {
        TaskResults input = storedBatch(2);
        List<Item> items = itemsOf(handlesTo(input, 2));
        TaskPlan plan = TaskPlan.of(items, false);
        assertEquals(0, plan.consumed.length, "the job keeps them");
        assertEquals(List.of(), bench.removedKeys());

        plan.finish(bench.store, bench.tasks("gathered map").results(0), JobAnswers.answer(false, 2, 0), null)
                .get(10, TimeUnit.SECONDS);

        assertEquals(List.of(input.key()), bench.removedKeys());
    }

    @Test
    void aTaskReadingPartOfABatchReleasesItsReadsAndTheLastReaderRemovesTheBatch() throws Exception {
        TaskResults input = storedBatch(2);
        Handle[] handles = handlesTo(input, 2);
        TaskPlan first = TaskPlan.of(itemsOf(handles[0]), true);
        TaskPlan second = TaskPlan.of(itemsOf(handles[1]), true);
        assertEquals(0, first.consumed.length, "one element of two: not the whole batch");

        first.finish(bench.store, bench.tasks("map").results(0), JobAnswers.answer(true, 1, 0), null).get(10, TimeUnit.SECONDS);
        assertFalse(bench.removedKeys().contains(input.key()), "a read is still owed");
        second.finish(bench.store, bench.tasks("map").results(0), JobAnswers.answer(true, 1, 0), null).get(10, TimeUnit.SECONDS);

        assertTrue(bench.removedKeys().contains(input.key()));
    }

    @Test
    void anElementWhoseInputFailedOrWasFilteredOutIsSettledWithoutATask() {
        IllegalStateException upstream = new IllegalStateException("failed upstream");
        Item failed = new Item(Handle.failed(upstream), new Handle());
        Handle filtered = new Handle();
        filtered.markAbsent();
        Item absent = new Item(filtered, new Handle());
        Item ready = new Item(bench.scattered(3), new Handle());

        assertTrue(TaskPlan.settleWithoutTask(failed));
        assertTrue(TaskPlan.settleWithoutTask(absent));
        assertFalse(TaskPlan.settleWithoutTask(ready));

        assertSame(upstream, failed.output.failure());
        assertTrue(absent.output.isAbsent());
        assertFalse(ready.output.isDone());
    }
}
