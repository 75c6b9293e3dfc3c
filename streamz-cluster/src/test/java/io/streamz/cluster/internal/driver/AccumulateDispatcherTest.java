package io.streamz.cluster.internal.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.streamz.cluster.internal.job.AccumulateJob;
import io.streamz.cluster.internal.job.AccumulateOp;
import io.streamz.cluster.internal.job.Caches;
import io.streamz.cluster.internal.job.JobAnswers;
import io.streamz.cluster.internal.job.ShippedOp;
import io.streamz.function.BiFunctionEx;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How a cluster accumulate's elements leave for the node of its state, without a cluster: in emit
 * order, one task at a time, numbered. The test plays the servers (see {@link TaskBench}).
 */
class AccumulateDispatcherTest {
    private static final int STATE_PARTITION = 3;

    private final TaskBench bench = new TaskBench();
    private final AccumulateDispatcher dispatcher = new AccumulateDispatcher(bench.tasks("cluster accumulate"), bench.liveness,
            bench.stateHome(STATE_PARTITION, "cluster accumulate"), ShippedOp.of(new AccumulateOp(
                    (BiFunctionEx<Integer, Integer, Integer>) Integer::sum, false, null, false), 1 << 20));

    @AfterEach
    void close() {
        bench.close();
    }

    private Handle submit(Object input) {
        Handle output = new Handle();
        dispatcher.submit(input, output);
        return output;
    }

    private static long firstSeq(TaskBench.Sent task) {
        return JobAnswers.firstSeq((AccumulateJob) task.job());
    }

    @Test
    void elementsLeaveInEmitOrderOneTaskAtATimeToTheStatesPartitionNumberedInSequence() throws Exception {
        submit(bench.scattered(1));
        TaskBench.Sent first = bench.nextTask();
        assertEquals(List.of(1), bench.values(first));
        assertEquals(1, firstSeq(first));
        assertEquals(STATE_PARTITION, first.partition());
        assertEquals(Caches.BOTH, List.copyOf(first.caches()), "the task reserves the state's partition too");

        submit(bench.scattered(2));
        submit(bench.scattered(3));
        submit(bench.scattered(4));
        bench.noTaskSent();
        first.answer(JobAnswers.answer(true, 1, 0));

        TaskBench.Sent second = bench.nextTask();
        assertEquals(List.of(2, 3, 4), bench.values(second), "those that waited leave together, in emit order");
        assertEquals(2, firstSeq(second));
    }

    @Test
    void anElementWhoseInputFailedIsNotAppliedAndFailsTheSameWay() throws Exception {
        submit(bench.scattered(1));
        TaskBench.Sent first = bench.nextTask();
        IllegalStateException upstream = new IllegalStateException("failed upstream");
        submit(bench.scattered(2));
        Handle failed = submit(Handle.failed(upstream));
        submit(bench.scattered(3));

        first.answer(JobAnswers.answer(true, 1, 0));

        TaskBench.Sent second = bench.nextTask();
        assertEquals(List.of(2, 3), bench.values(second));
        assertEquals(2, firstSeq(second), "only applied elements are numbered");
        assertSame(upstream, failed.failure());
    }

    @Test
    void abandoningFailsTheElementsWaitingInLineAndLeavesTheTaskOutToAnswerForItsOwn() throws Exception {
        Handle sent = submit(bench.scattered(1));
        TaskBench.Sent first = bench.nextTask();
        Handle waiting = submit(bench.scattered(2));
        IllegalStateException closed = new IllegalStateException("closed");

        dispatcher.abandon(closed);

        assertSame(closed, waiting.failure());
        assertFalse(sent.isDone());
        first.answer(JobAnswers.answer(true, 1, 0));
        dispatcher.idle().get(10, TimeUnit.SECONDS);
        assertEquals(0, sent.index());
        bench.noTaskSent();
    }
}
