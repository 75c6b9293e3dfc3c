package io.streamz.cluster.internal.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamz.cluster.ClusterUnavailableException;
import io.streamz.cluster.internal.job.Causes;
import io.streamz.cluster.internal.job.JobAnswers;
import io.streamz.cluster.internal.job.MapOp;
import io.streamz.cluster.internal.job.ShippedOp;
import io.streamz.function.FunctionEx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How an element-wise step's elements leave for the cluster, without a cluster: the test plays the
 * servers (see {@link TaskBench}), one server of {@value TaskBench#SERVER_THREADS} threads.
 */
class ElementDispatcherTest {
    /** The most tasks out at once on that server: one per thread and a quarter more (BatchPolicy.tasksFor). */
    private static final int MOST_TASKS = 5;

    private final TaskBench bench = new TaskBench();
    private final ElementDispatcher dispatcher = new ElementDispatcher(bench.tasks("cluster map"), bench.liveness,
            bench.placement, ShippedOp.of(new MapOp((FunctionEx<Integer, Integer>) x -> x + 1), 1 << 20));

    @AfterEach
    void close() {
        bench.close();
    }

    /** Submits scattered elements {@code from..to}; returns their result handles in that order. */
    private List<Handle> submit(int from, int to) {
        List<Handle> outputs = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            Handle output = new Handle();
            dispatcher.submit(bench.scattered(i), output);
            outputs.add(output);
        }
        return outputs;
    }

    private static void await(CompletableFuture<?> done) throws Exception {
        done.get(10, TimeUnit.SECONDS);
    }

    /** Runs element 1 alone, answered as a cheap function's: the step sizes its tasks from then on. */
    private void measureACheapFunction() throws Exception {
        submit(1, 1);
        answerCheaply(bench.nextTask(), 1);
        await(dispatcher.idle());
    }

    /** Answers {@code task} as if each of its elements took a microsecond: a cheap function. */
    private static void answerCheaply(TaskBench.Sent task, int elements) {
        task.answer(JobAnswers.answer(true, elements, 0, 1_000L * elements));
    }

    @Test
    void aLoneElementLeavesAtOnceInATaskOfItsOwnWhereItsInputLies() throws Exception {
        List<Handle> outputs = submit(1, 1);

        TaskBench.Sent task = bench.nextTask();
        assertEquals(List.of(1), bench.values(task));
        assertEquals(List.of("streamz-data"), List.copyOf(task.caches()));
        task.answer(JobAnswers.answer(true, 1, 0));
        await(outputs.get(0).ready());
        assertEquals(0, outputs.get(0).index());
    }

    @Test
    void beforeItsFunctionIsMeasuredEachElementLeavesAloneAndTheRestWaitForAServerThread() throws Exception {
        submit(1, MOST_TASKS + 2);

        for (int i = 1; i <= MOST_TASKS; i++) {
            assertEquals(List.of(i), bench.values(bench.nextTask()), "a function not measured yet may be slow: one per task");
        }
        bench.noTaskSent();
    }

    @Test
    void anElementWaitingForAServerThreadLeavesWhenATaskAnswers() throws Exception {
        submit(1, MOST_TASKS + 1);
        List<TaskBench.Sent> out = new ArrayList<>();
        for (int i = 0; i < MOST_TASKS; i++) {
            out.add(bench.nextTask());
        }
        bench.noTaskSent();

        out.get(2).answer(JobAnswers.answer(true, 1, 0));

        assertEquals(List.of(MOST_TASKS + 1), bench.values(bench.nextTask()));
    }

    @Test
    void whileATaskIsOutWaitingElementsDoNotLeaveInAShortTaskWhenAnotherAnswers() throws Exception {
        measureACheapFunction();
        List<Handle> outputs = submit(2, 65);
        TaskBench.Sent first = bench.nextTask();
        TaskBench.Sent second = bench.nextTask();
        bench.noTaskSent();
        answerCheaply(first, 1);
        TaskBench.Sent full = bench.nextTask();
        List<Object> fullValues = bench.values(full);
        assertTrue(fullValues.size() > 2, "a full task leaves: " + fullValues);

        answerCheaply(second, 1);
        await(outputs.get(1).ready());

        bench.noTaskSentWithin(500);
        answerCheaply(full, fullValues.size());
        int next = (Integer) fullValues.get(fullValues.size() - 1) + 1;
        List<Object> rest = new ArrayList<>();
        while (rest.size() < 65 - next + 1) {
            rest.addAll(bench.values(bench.nextTask()));
        }
        assertEquals(IntStream.rangeClosed(next, 65).boxed().toList(), rest, "with no task out, all that waited leave, in emit order");
    }

    @Test
    void aWindowRefilledOneElementAtATimeLeavesInATaskOfItsSizeNotInShortOnes() throws Exception {
        measureACheapFunction();
        submit(2, 65);
        answerUntil(64);
        await(dispatcher.idle());

        // As an emitter refills a buffer(64) that the answers emptied: one element at a time.
        submit(66, 66);
        assertEquals(List.of(66), bench.values(bench.nextTask()), "with no task out, the first leaves at once");
        submit(67, 80);
        bench.noTaskSentWithin(200);
        submit(81, 100);
        List<Object> refill = bench.values(bench.nextTask());
        assertTrue(refill.size() > 14, "they leave together once they fill a task of the window's size: " + refill);
        assertEquals(IntStream.range(67, 67 + refill.size()).boxed().toList(), refill, "in emit order");
    }

    /** Answers the tasks sent, and those sent after, until they held {@code elements} elements. */
    private void answerUntil(int elements) throws InterruptedException {
        for (int answered = 0; answered < elements; ) {
            TaskBench.Sent task = bench.nextTask();
            int size = bench.values(task).size();
            answerCheaply(task, size);
            answered += size;
        }
    }

    @Test
    void elementsArrivingWhileTasksAreOutLeaveTogetherInEmitOrderOnceOneAnswers() throws Exception {
        measureACheapFunction();

        submit(2, 101);
        List<TaskBench.Sent> out = new ArrayList<>();
        List<Integer> sent = new ArrayList<>();
        TaskBench.Sent task;
        while ((task = bench.sentNow()) != null) {
            out.add(task);
            bench.values(task).forEach(value -> sent.add((Integer) value));
        }
        assertTrue(out.size() < MOST_TASKS + 1, out.size() + " tasks");
        assertTrue(sent.size() < 100, "the servers are busy: the rest wait (Nagle)");

        answerCheaply(out.get(0), bench.values(out.get(0)).size());
        List<Object> together = bench.values(bench.nextTask());

        assertTrue(together.size() > 1, "the waiting elements leave together: " + together);
        int next = sent.get(sent.size() - 1) + 1;
        assertEquals(IntStream.range(next, next + together.size()).boxed().toList(), together, "in emit order");
    }

    @Test
    void abandoningFailsTheElementsWaitingAndLeavesThoseInFlightToTheirTasks() throws Exception {
        List<Handle> outputs = submit(1, MOST_TASKS + 2);
        List<TaskBench.Sent> out = new ArrayList<>();
        for (int i = 0; i < MOST_TASKS; i++) {
            out.add(bench.nextTask());
        }
        ClusterUnavailableException closed = new ClusterUnavailableException("closed", null);

        dispatcher.abandon(closed);

        assertSame(closed, outputs.get(MOST_TASKS).failure());
        assertSame(closed, outputs.get(MOST_TASKS + 1).failure());
        assertFalse(outputs.get(0).isDone(), "in flight: its task answers for it");
        CompletableFuture<Void> idle = dispatcher.idle();
        assertFalse(idle.isDone());
        for (TaskBench.Sent task : out) {
            task.answer(JobAnswers.answer(true, 1, 0));
        }
        await(idle);
        assertTrue(outputs.get(0).isDone());
        bench.noTaskSent();
    }

    @Test
    void anElementArrivingOnceTheClusterIsClosedFailsWithoutATask() {
        bench.liveness.close();

        Handle output = submit(1, 1).get(0);

        assertTrue(output.failure() instanceof ClusterUnavailableException, String.valueOf(output.failure()));
        bench.noTaskSent();
        assertTrue(dispatcher.idle().isDone());
    }

    @Test
    void aTaskThatFailsFailsItsElementsAndTheStepGoesOn() throws Exception {
        List<Handle> outputs = submit(1, 1);
        IllegalStateException error = new IllegalStateException("cannot run it");

        bench.nextTask().fail(error);
        await(dispatcher.idle());
        submit(2, 2);

        // Under the future's CompletionException, which the local engine takes off before the user sees it.
        assertSame(error, Causes.first(outputs.get(0).failure(), IllegalStateException.class));
        assertEquals(List.of(2), bench.values(bench.nextTask()));
    }
}
