package io.streamz.cluster.internal.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamz.cluster.internal.job.AccumulateOp;
import io.streamz.cluster.internal.job.Caches;
import io.streamz.cluster.internal.job.Causes;
import io.streamz.cluster.internal.job.JobAnswers;
import io.streamz.cluster.internal.job.KeyJob;
import io.streamz.cluster.internal.job.KeyedAccumulateJob;
import io.streamz.cluster.internal.job.ShippedOp;
import io.streamz.function.BiFunctionEx;
import io.streamz.function.FunctionEx;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How a cluster accumulateByKey's elements leave, without a cluster: keyed by a key job on the
 * cluster, in emit order, then in their key partition's lane, one task out per lane. The test plays
 * the servers (see {@link TaskBench}).
 */
class KeyedAccumulateDispatcherTest {
    private final TaskBench bench = new TaskBench();
    private final KeyedAccumulateDispatcher dispatcher = new KeyedAccumulateDispatcher(bench.tasks("cluster accumulateByKey"),
            bench.liveness, bench.stateHome(0, "cluster accumulateByKey"),
            new KeyLanes(bench.placement::primary, new ServerSlots(TaskBench.SERVER_THREADS, server -> 0)),
            ShippedOp.of((FunctionEx<Object, Object>) x -> (Integer) x % 2, 1 << 20),
            ShippedOp.of(new AccumulateOp((BiFunctionEx<Integer, Integer, Integer>) Integer::sum, false, null, false), 1 << 20));
    /** A key as the key job answers it: serialized. */
    private final byte[] key = bench.codec.encode("a");

    @AfterEach
    void close() {
        bench.close();
    }

    private Handle submit(int value) {
        Handle output = new Handle();
        dispatcher.submit(bench.scattered(value), output);
        return output;
    }

    /**
     * Tasks sent but not taken yet by {@link #next}: a key job and an accumulate job may leave at once
     * from different threads (the key job from a callback thread, the accumulate job from its server's
     * sender), so they reach the bench in either order.
     */
    private final List<TaskBench.Sent> early = new ArrayList<>();

    /** The next task sent whose job is a {@code type}, whether or not another kind was sent before it. */
    private TaskBench.Sent next(Class<?> type) throws InterruptedException {
        for (Iterator<TaskBench.Sent> it = early.iterator(); it.hasNext(); ) {
            TaskBench.Sent task = it.next();
            if (type.isInstance(task.job())) {
                it.remove();
                return task;
            }
        }
        while (true) {
            TaskBench.Sent task = bench.nextTask();
            if (type.isInstance(task.job())) {
                return task;
            }
            early.add(task);
        }
    }

    /** The next key job, which must key {@code values}. */
    private TaskBench.Sent keyJobOf(Object... values) throws InterruptedException {
        TaskBench.Sent task = next(KeyJob.class);
        assertEquals(Arrays.asList(values), bench.values(task));
        return task;
    }

    /** The next accumulate task. */
    private TaskBench.Sent nextApplying() throws InterruptedException {
        return next(KeyedAccumulateJob.class);
    }

    /** {@code task} must apply {@code values} to their keys' states; returns their sequence numbers. */
    private long[] applying(TaskBench.Sent task, Object... values) {
        assertInstanceOf(KeyedAccumulateJob.class, task.job());
        assertEquals(Arrays.asList(values), bench.values(task));
        assertEquals(Caches.BOTH, List.copyOf(task.caches()), "the task reserves the states' partition too");
        return JobAnswers.seqs((KeyedAccumulateJob) task.job());
    }

    @Test
    void oneKeysElementsAreAppliedInEmitOrderOneTaskAtATimeEachWithTheNextNumber() throws Exception {
        submit(1);
        submit(2);
        submit(3);
        keyJobOf(1).answer(JobAnswers.keys(bench.codec, key));
        TaskBench.Sent first = nextApplying();
        long[] firstSeqs = applying(first, 1);
        assertEquals(Math.floorMod(Arrays.hashCode(key), Caches.PARTITIONS), first.partition(), "where the key's state lies");

        TaskBench.Sent keying = keyJobOf(2, 3);
        submit(4);
        keying.answer(JobAnswers.keys(bench.codec, key, key));
        // Once keyed, 2 and 3 went to their lane, then 4 to be keyed; 2 and 3 wait while 1's task is out. A task
        // sent for them would most likely have reached the bench before 4's key job (the lanes are pumped first);
        // KeyLanesTest checks the one task per lane without threads.
        keyJobOf(4);
        assertTrue(early.isEmpty(), "no task applies 2 or 3 while 1's task is out: " + early);
        first.answer(JobAnswers.answer(true, 1, 0));

        // A function not measured yet may be slow: one element per task.
        TaskBench.Sent second = nextApplying();
        assertEquals(firstSeqs[0] + 1, applying(second, 2)[0]);
        second.answer(JobAnswers.answer(true, 1, 0));
        assertEquals(firstSeqs[0] + 2, applying(nextApplying(), 3)[0]);
    }

    @Test
    void anElementWhoseKeyFunctionFailedFailsAloneAndTheNextGoOn() throws Exception {
        Handle failed = submit(1);
        submit(2);
        IllegalArgumentException thrown = new IllegalArgumentException("no key for 1");

        keyJobOf(1).answer(JobAnswers.allFailed(bench.codec, 1, thrown));
        keyJobOf(2).answer(JobAnswers.keys(bench.codec, key));

        applying(nextApplying(), 2);
        IllegalArgumentException shown = Causes.first(failed.failure(), IllegalArgumentException.class);
        assertEquals("no key for 1", shown.getMessage());
        assertSame(IllegalArgumentException.class, shown.getClass());
    }
}
