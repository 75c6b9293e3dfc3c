package io.streamz.cluster.internal.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamz.cluster.ClusterTaskTimeoutException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteLogger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The sweeps that hold the watches of a server to the task timeout, on a clock the test moves: what
 * they cost per job (nothing scheduled), when they stop and start, and that they still interrupt
 * and give up elements in time.
 */
@Timeout(30)
class WatchSweeperTest {
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    /** Swept every 5 ms, a twentieth of it; its grace period is 100 ms. */
    private static final TaskLimit LIMIT = limit(100);
    private static final Runnable NOTHING = () -> { };

    private final ManualSweepTimer timer = new ManualSweepTimer();
    private final WatchSweeper sweeper = new WatchSweeper(timer);
    private final ExecutorService jobs = Executors.newCachedThreadPool();
    /** Counted down by the function that runs until released, once it runs. */
    private final CountDownLatch running = new CountDownLatch(1);
    private volatile boolean released;

    @AfterEach
    void releaseTheJobs() {
        released = true;
        jobs.shutdownNow();
    }

    @Test
    void watchesThatStartApplyAndCloseWhileTheSweepsRunScheduleNothing() {
        try (ElementWatch first = ElementWatch.start(sweeper, LIMIT, null, NOTHING)) {
            assertEquals(1, timer.scheduled(), "the first watch starts the sweeps");
            runShortJobs(1000);
            assertEquals(1, timer.scheduled(), "a job must not schedule a check of its own");

            timer.advanceTo(5 * MS);
            assertEquals(2, timer.scheduled(), "each sweep schedules the next, one period later");
            runShortJobs(1000);
            assertEquals(2, timer.scheduled(), "a job must not schedule a check of its own");
        }
    }

    @Test
    void theSweepsStopASecondAfterTheLastWatchAndTheNextWatchStartsThemAgain() {
        ElementWatch.start(sweeper, LIMIT, null, NOTHING).close();
        // The first sweep, at 5 ms, finds no watch: the sweeps are idle from then on.
        timer.advanceTo(5 * MS + WatchSweeper.IDLE - 1);
        assertEquals(1, timer.pending(), "the sweeps go on for a second after the last watch");
        timer.advanceTo(5 * MS + WatchSweeper.IDLE);
        assertEquals(0, timer.pending(), "an idle server must stop sweeping");

        long before = timer.scheduled();
        try (ElementWatch next = ElementWatch.start(sweeper, LIMIT, null, NOTHING)) {
            assertEquals(before + 1, timer.scheduled(), "the next watch starts the sweeps again");
            assertEquals(1, timer.pending());
        }
    }

    @Test
    void anElementIsInterruptedAtTheFirstSweepPastItsTimeoutAndTheNextElementRuns() throws Exception {
        Outcomes out = new Outcomes(2, Long.MAX_VALUE);
        RunningJob job = runJob(LIMIT, NOTHING, watch -> List.of(
                watch.apply(0, out, this::parkUntilReleased),
                watch.apply(1, out, () -> out.present(1, "next"))));

        timer.advanceTo(100 * MS - 1);
        assertFalse(job.thread.isInterrupted(), "interrupted before its timeout");
        timer.advanceTo(100 * MS);
        assertTrue(job.thread.isInterrupted(), "not interrupted at the sweep past its timeout");

        release(job);
        assertEquals(List.of(false, true), job.result.get(), "only the element that overran fails");
        assertEquals("next", out.value(1));
    }

    @Test
    void aWatchWithAShorterTimeoutThanThePeriodIsSweptAtItsOwnPeriodFromItsFirstElement() throws Exception {
        try (ElementWatch slow = ElementWatch.start(sweeper, limit(60_000), null, NOTHING)) {
            // The sweeps now come every 100 ms; this job needs one every 2.5 ms.
            Outcomes out = new Outcomes(1, Long.MAX_VALUE);
            RunningJob job = runJob(limit(50), NOTHING, watch -> List.of(watch.apply(0, out, this::parkUntilReleased)));

            timer.advanceTo(50 * MS - 1);
            assertFalse(job.thread.isInterrupted(), "interrupted before its timeout");
            timer.advanceTo(50 * MS);
            assertTrue(job.thread.isInterrupted(), "the sweeps must not wait the 100 ms period of the other watch");
            release(job);
            assertEquals(List.of(false), job.result.get());
        }
    }

    @Test
    void theShortPeriodOfAClosedWatchLastsASecondThenTheSweepsComeAtThePeriodTheOpenWatchesNeed() {
        try (ElementWatch slow = ElementWatch.start(sweeper, limit(60_000), null, NOTHING)) {
            ElementWatch.start(sweeper, LIMIT, null, NOTHING).close();
            // The first sweep at 5 ms finds only the slow watch, which needs one every 100 ms.
            timer.advanceTo(5 * MS + WatchSweeper.IDLE);
            long before = timer.scheduled();
            timer.advanceTo(5 * MS + 2 * WatchSweeper.IDLE);
            assertEquals(10, timer.scheduled() - before, "sweeps in the second after the period rose to 100 ms");
        }
    }

    @Test
    void anElementThatIgnoresTheInterruptIsGivenUpAfterTheGracePeriod() throws Exception {
        List<String> warnings = new CopyOnWriteArrayList<>();
        CountDownLatch abandoned = new CountDownLatch(1);
        long[] abandonedAt = new long[1];
        String[] abandonThread = new String[1];
        Runnable onAbandon = () -> {
            abandonedAt[0] = timer.nanoTime();
            abandonThread[0] = Thread.currentThread().getName();
            abandoned.countDown();
        };
        Outcomes out = new Outcomes(1, Long.MAX_VALUE);
        RunningJob job = runJob(LIMIT, onAbandon, ignite(warnings), watch -> List.of(watch.apply(0, out, () -> {
            running.countDown();
            while (!released) {
                LockSupport.park(this);
                Thread.interrupted(); // as a function that swallows the interrupt and goes on
            }
        })));

        timer.advanceTo(200 * MS - 1);
        assertEquals(1, abandoned.getCount(), "given up before the grace period ended");
        timer.advanceTo(200 * MS);
        assertTrue(abandoned.await(10, TimeUnit.SECONDS), "not given up after the timeout and the grace period");
        assertTrue(abandonedAt[0] >= 200 * MS, "given up at " + abandonedAt[0] + " ns");
        assertEquals("streamz-task-timeout-notice", abandonThread[0]);

        release(job);
        ExecutionException failed = assertThrows(ExecutionException.class, job.result::get);
        assertTrue(failed.getCause() instanceof ClusterTaskTimeoutException, failed.getCause().toString());
        assertTrue(failed.getCause().getMessage().contains("ignored the interrupt"), failed.getCause().getMessage());
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("having ignored the interrupt"), warnings.get(0));
    }

    private void runShortJobs(int count) {
        for (int i = 0; i < count; i++) {
            Outcomes out = new Outcomes(1, Long.MAX_VALUE);
            try (ElementWatch watch = ElementWatch.start(sweeper, LIMIT, null, NOTHING)) {
                assertTrue(watch.apply(0, out, () -> out.present(0, "x")));
            }
        }
    }

    /** A function that runs until the test releases it, whatever interrupts it; it leaves the interrupt set. */
    private void parkUntilReleased() {
        running.countDown();
        while (!released) {
            LockSupport.park(this);
        }
    }

    private void release(RunningJob job) {
        released = true;
        LockSupport.unpark(job.thread);
    }

    private interface Body {
        List<Boolean> run(ElementWatch watch);
    }

    private record RunningJob(Thread thread, Future<List<Boolean>> result) {
    }

    private RunningJob runJob(TaskLimit limit, Runnable onAbandon, Body body) throws InterruptedException {
        return runJob(limit, onAbandon, null, body);
    }

    /**
     * Runs {@code body} under a watch on a thread of its own, as a server runs a job; returns once its
     * first element runs (its function counts {@link #running} down), which is then at time 0.
     */
    private RunningJob runJob(TaskLimit limit, Runnable onAbandon, Ignite ignite, Body body) throws InterruptedException {
        Thread[] thread = new Thread[1];
        Future<List<Boolean>> result = jobs.submit(() -> {
            thread[0] = Thread.currentThread();
            try (ElementWatch watch = ElementWatch.start(sweeper, limit, ignite, onAbandon)) {
                return body.run(watch);
            }
        });
        assertTrue(running.await(10, TimeUnit.SECONDS), "the job's first element did not start");
        return new RunningJob(thread[0], result);
    }

    private static TaskLimit limit(long millis) {
        return new TaskLimit(Duration.ofMillis(millis), "cluster map", UUID.randomUUID(), 1);
    }

    /** An Ignite that has only a log, whose warnings go to {@code warnings}; telling the driver fails, as when it left. */
    private static Ignite ignite(List<String> warnings) {
        IgniteLogger log = (IgniteLogger) Proxy.newProxyInstance(IgniteLogger.class.getClassLoader(),
                new Class<?>[] {IgniteLogger.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getLogger" -> proxy;
                    case "warning" -> {
                        warnings.add((String) args[0]);
                        yield null;
                    }
                    case "isQuiet", "isTraceEnabled", "isDebugEnabled", "isInfoEnabled" -> false;
                    default -> null;
                });
        return (Ignite) Proxy.newProxyInstance(Ignite.class.getClassLoader(), new Class<?>[] {Ignite.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("log")) {
                        return log;
                    }
                    throw new UnsupportedOperationException(method.getName() + " on a test's Ignite that has only a log");
                });
    }
}
