package io.streamz.cluster.internal.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.streamz.cluster.internal.job.AccumulateOp;
import io.streamz.cluster.internal.job.Caches;
import io.streamz.cluster.internal.job.Causes;
import io.streamz.cluster.internal.job.JobAnswers;
import io.streamz.cluster.internal.job.KeyJob;
import io.streamz.cluster.internal.job.KeyedAccumulateJob;
import io.streamz.cluster.internal.job.ShippedOp;
import io.streamz.function.BiFunctionEx;
import io.streamz.function.FunctionEx;
import java.util.Arrays;
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

    /** The next task, which must be a key job keying {@code values}. */
    private TaskBench.Sent keyJobOf(Object... values) throws InterruptedException {
        TaskBench.Sent task = bench.nextTask();
        assertInstanceOf(KeyJob.class, task.job());
        assertEquals(Arrays.asList(values), bench.values(task));
        return task;
    }

    /** The next task, which must apply {@code values} to their keys' states; returns their sequence numbers. */
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
        TaskBench.Sent first = bench.nextTask();
        long[] firstSeqs = applying(first, 1);
        assertEquals(Math.floorMod(Arrays.hashCode(key), Caches.PARTITIONS), first.partition(), "where the key's state lies");

        TaskBench.Sent keying = keyJobOf(2, 3);
        submit(4);
        keying.answer(JobAnswers.keys(bench.codec, key, key));
        // Once keyed, 2 and 3 went to their lane, then 4 to be keyed: that 4 comes next shows that they wait.
        keyJobOf(4);
        first.answer(JobAnswers.answer(true, 1, 0));

        // A function not measured yet may be slow: one element per task.
        TaskBench.Sent second = bench.nextTask();
        assertEquals(firstSeqs[0] + 1, applying(second, 2)[0]);
        second.answer(JobAnswers.answer(true, 1, 0));
        assertEquals(firstSeqs[0] + 2, applying(bench.nextTask(), 3)[0]);
    }

    @Test
    void anElementWhoseKeyFunctionFailedFailsAloneAndTheNextGoOn() throws Exception {
        Handle failed = submit(1);
        submit(2);
        IllegalArgumentException thrown = new IllegalArgumentException("no key for 1");

        keyJobOf(1).answer(JobAnswers.allFailed(bench.codec, 1, thrown));
        keyJobOf(2).answer(JobAnswers.keys(bench.codec, key));

        applying(bench.nextTask(), 2);
        IllegalArgumentException shown = Causes.first(failed.failure(), IllegalArgumentException.class);
        assertEquals("no key for 1", shown.getMessage());
        assertSame(IllegalArgumentException.class, shown.getClass());
    }
}
