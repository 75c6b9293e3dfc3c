package io.streamz.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.streamz.ErrorHandler;
import io.streamz.Stream;
import io.streamz.cluster.internal.stream.ServerReads;
import io.streamz.function.FunctionEx;
import io.streamz.local.internal.core.Node;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The task timeout: a function that overruns on an element is interrupted and that element fails with
 * a {@link TimeoutException} in its cause chain, the stream goes on and the server thread is free
 * again; one that ignores the interrupt still fails at the timeout; a batch of cheap elements is never
 * cut short.
 */
// A test whose step hangs fails instead of hanging the build.
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ClusterTaskTimeoutTest {
    private static final int THREADS = 2;
    private static final Duration TIMEOUT = Duration.ofMillis(500);
    /** Far above the timeout and its grace: how long a test waits before it calls a hang a failure. */
    private static final Duration HANG = Duration.ofSeconds(15);
    private static final int STUCK = -1;

    // Read by the functions on the embedded server (same JVM, same class): lambdas cannot capture
    // them, since the server gets a deserialized copy of what a function captured.
    private static volatile CountDownLatch started;
    private static volatile CountDownLatch interrupted;
    private static volatile CountDownLatch release;
    private static volatile CountDownLatch together;
    private static volatile CountDownLatch unblock;

    @RegisterExtension
    static final EmbeddedCluster CLUSTER = new EmbeddedCluster(1,
            IgniteClusterOptions.defaults().withThreads(THREADS).withTaskTimeout(TIMEOUT));

    private final List<Throwable> reported = new CopyOnWriteArrayList<>();
    private ErrorHandler previousHandler;

    @BeforeEach
    void freshLatches() {
        started = new CountDownLatch(THREADS);
        interrupted = new CountDownLatch(THREADS);
        release = new CountDownLatch(1);
        together = new CountDownLatch(THREADS);
        unblock = new CountDownLatch(1);
        previousHandler = Stream.setErrorHandler((where, error) -> reported.add(error));
    }

    @AfterEach
    void releaseWhatStillRuns() {
        release.countDown();
        unblock.countDown();
        Stream.setErrorHandler(previousHandler);
    }

    @Test
    void aStuckMapElementFailsAtTheTimeoutNamingTheStepAndTheNextElementsSucceed() {
        Stream<Integer> source = Stream.create();
        List<Integer> out = source.scatter(CLUSTER.get()).map((Integer x) -> {
            if (x == STUCK) {
                hangInterruptibly();
            }
            return x * 10;
        }).gather().sinkToList();

        source.emit(1);
        // Without a buffer, emit waits for the element's result: it must fail, not hang.
        RuntimeException failed = assertTimeoutPreemptively(HANG, () -> assertThrows(RuntimeException.class, () -> source.emit(STUCK)));
        source.emit(2);
        source.emit(3);

        assertTimedOut(failed, "cluster map", "was interrupted");
        assertEquals(List.of(10, 20, 30), out);
        assertEquals(THREADS - 1, interrupted.getCount(), "the stuck function was interrupted once");
    }

    @Test
    void theTimeoutNamesAFunctionThatHasAName() {
        Stream<Integer> source = Stream.create();
        source.scatter(CLUSTER.get()).map(new Hang()).gather().sinkToList();

        RuntimeException failed = assertTimeoutPreemptively(HANG, () -> assertThrows(RuntimeException.class, () -> source.emit(1)));

        assertTimedOut(failed, "cluster map Hang", "was interrupted");
    }

    @Test
    void aTimeoutInStepsRunningFusedNamesTheStepWhoseFunctionOverran() {
        Stream<Integer> source = Stream.create();
        source.scatter(CLUSTER.get()).map((Integer x) -> x + 1).map(new Hang()).map((Integer x) -> x * 10).gather().sinkToList();

        RuntimeException failed = assertTimeoutPreemptively(HANG, () -> assertThrows(RuntimeException.class, () -> source.emit(1)));

        assertTimedOut(failed, "cluster map Hang", "was interrupted");
    }

    @Test
    void aTimeoutInStepsRunningInAReadOnTheServersNamesTheStepWhoseFunctionOverranNotTheRead() {
        ServerReads reads = ServerReads.on(CLUSTER.get(), "test reads");
        Stream<Object> source = Stream.create();
        reads.<Integer>stream(Node.asNode(source)).map((Integer x) -> x + 1).map(new Hang()).gather().sinkToList();

        // The read completes: its element fails, as in the steps' own task, rather than the read.
        Object read = assertTimeoutPreemptively(HANG, () -> reads.read(0, () -> 1).join());
        RuntimeException failed = assertThrows(RuntimeException.class, () -> source.emit(read));

        assertTimedOut(failed, "cluster map Hang", "was interrupted");
        assertTrue(reads.toString().contains("test reads -> cluster map -> cluster map Hang"), reads.toString());
    }

    @Test
    void stuckElementsHoldingEveryServerThreadFreeThemAtTheTimeoutForAnUnrelatedPipeline() throws InterruptedException {
        Stream<Integer> stuck = Stream.create();
        List<Integer> stuckOut = stuck.scatter(CLUSTER.get()).map((Integer x) -> {
            started.countDown();
            hangInterruptibly();
            return x;
        }).buffer(THREADS).gather().sinkToList();
        for (int i = 0; i < THREADS; i++) {
            stuck.emit(i);
        }
        assertTrue(started.await(HANG.toSeconds(), TimeUnit.SECONDS), "the stuck elements hold every server thread");

        assertTimeoutPreemptively(HANG, ClusterTaskTimeoutTest::assertEveryServerThreadIsFree);
        assertTimeoutPreemptively(HANG, stuck::drain);

        assertEquals(List.of(), stuckOut);
        assertEquals(THREADS, reported.size());
        reported.forEach(error -> assertTimedOut(error, "cluster map", "was interrupted"));
        assertEquals(0, interrupted.getCount(), "every stuck function was interrupted");
    }

    @Test
    void aFunctionIgnoringTheInterruptInAReadOnTheServersFailsItsElementAndTheReadIsNotRepeated() {
        ServerReads reads = ServerReads.on(CLUSTER.get(), "test reads");
        Stream<Object> source = Stream.create();
        List<Integer> out = reads.<Integer>stream(Node.asNode(source)).map((Integer x) -> {
            if (x == STUCK) {
                ignoreInterruptsUntilReleased();
            }
            return x * 10;
        }).gather().sinkToList();

        // The read completes with its element failed: a source that re-read a failed read would meet the function again.
        Object read = assertTimeoutPreemptively(HANG, () -> reads.read(0, () -> STUCK).join());
        RuntimeException failed = assertThrows(RuntimeException.class, () -> source.emit(read));
        release.countDown();
        assertTimeoutPreemptively(HANG, ClusterTaskTimeoutTest::assertEveryServerThreadIsFree);
        source.emit(reads.read(0, () -> 3).join());

        assertTimedOut(failed, "cluster map", "ignored the interrupt");
        assertEquals(List.of(30), out);
    }

    @Test
    void aFunctionIgnoringTheInterruptStillFailsAtTheTimeoutAndItsLateResultIsDiscarded() {
        Stream<Integer> source = Stream.create();
        List<Integer> out = source.scatter(CLUSTER.get()).map((Integer x) -> {
            if (x == STUCK) {
                ignoreInterruptsUntilReleased();
            }
            return x * 10;
        }).gather().sinkToList();

        RuntimeException failed = assertTimeoutPreemptively(HANG, () -> assertThrows(RuntimeException.class, () -> source.emit(STUCK)));
        // The function still holds one thread: the other serves the stream.
        source.emit(2);
        release.countDown();
        assertTimeoutPreemptively(HANG, ClusterTaskTimeoutTest::assertEveryServerThreadIsFree);
        source.emit(3);

        assertTimedOut(failed, "cluster map", "ignored the interrupt");
        assertEquals(List.of(20, 30), out);
        assertEquals(0, CLUSTER.get().storedResults());
    }

    @Test
    void aStuckAccumulateElementFailsAndLeavesTheStateAsItWas() {
        Stream<Integer> source = Stream.create();
        List<Integer> sums = source.scatter(CLUSTER.get()).accumulate((Integer sum, Integer x) -> {
            if (x == STUCK) {
                hangInterruptibly();
            }
            return sum + x;
        }, 0).gather().sinkToList();

        source.emit(1);
        RuntimeException failed = assertTimeoutPreemptively(HANG, () -> assertThrows(RuntimeException.class, () -> source.emit(STUCK)));
        source.emit(2);

        assertTimedOut(failed, "cluster accumulate", "was interrupted");
        assertEquals(List.of(1, 3), sums);
    }

    @Test
    void anAccumulateFunctionIgnoringTheInterruptFailsAtTheTimeoutAndItsLateFinishLeavesTheStateAlone() {
        Stream<Integer> source = Stream.create();
        List<Integer> sums = source.scatter(CLUSTER.get()).accumulate((Integer sum, Integer x) -> {
            if (x == STUCK) {
                ignoreInterruptsUntilReleased();
                return sum + 1000;
            }
            return sum + x;
        }, 0).gather().sinkToList();

        source.emit(10);
        RuntimeException failed = assertTimeoutPreemptively(HANG, () -> assertThrows(RuntimeException.class, () -> source.emit(STUCK)));
        source.emit(5);
        release.countDown();
        // Once every thread is free, the late job has ended: whatever it would write, it has.
        assertTimeoutPreemptively(HANG, ClusterTaskTimeoutTest::assertEveryServerThreadIsFree);
        source.emit(1);

        assertTimedOut(failed, "cluster accumulate", "ignored the interrupt");
        assertEquals(List.of(10, 15, 16), sums);
    }

    @Test
    void aBatchOfCheapElementsTakingLongerThanTheTimeoutAsAWholeIsNotCutShort() throws InterruptedException {
        int cheap = 2_000;
        int slow = 60;
        long slowMillis = 25;
        Stream<Integer> source = Stream.create();
        List<Integer> out = source.scatter(CLUSTER.get()).map((Integer x) -> {
            if (x > cheap) {
                Thread.sleep(slowMillis);
            }
            return x;
        }).buffer(cheap + slow + 1).gather().sinkToList();
        emitCheap(source, cheap);
        Stream<Integer> blocker = holdEveryServerThread();

        // 60 elements of 25 ms leave in a batch or a few: one of more than 20 runs longer than the timeout.
        assertTimeoutPreemptively(HANG, () -> {
            for (int i = cheap; i <= cheap + slow; i++) {
                source.emit(i);
            }
            unblock.countDown();
            source.drain();
            blocker.drain();
        });

        assertEquals(List.of(), reported);
        assertEquals(IntStream.rangeClosed(0, cheap + slow).boxed().toList(), out);
    }

    @Test
    void onlyTheOverrunningElementOfABatchFailsAndTheOthersOfItsTaskKeepTheirResults() throws InterruptedException {
        int cheap = 2_000;
        int more = 100;
        int stuckAt = cheap + more / 2;
        Stream<Integer> source = Stream.create();
        List<Integer> out = source.scatter(CLUSTER.get()).map((Integer x) -> {
            if (x == STUCK) {
                hangInterruptibly();
            }
            return x;
        }).buffer(cheap + more).gather().sinkToList();
        emitCheap(source, cheap);
        Stream<Integer> blocker = holdEveryServerThread();

        assertTimeoutPreemptively(HANG, () -> {
            for (int i = cheap; i < cheap + more; i++) {
                source.emit(i == stuckAt ? STUCK : i);
            }
            unblock.countDown();
            source.drain();
            blocker.drain();
        });

        assertEquals(1, reported.size(), () -> "failed: " + reported);
        assertTimedOut(reported.get(0), "cluster map", "was interrupted");
        assertEquals(IntStream.range(0, cheap + more).filter(i -> i != stuckAt).boxed().toList(), out);
    }

    /** Emits {@code n} cheap elements: the step learns that its function is cheap and sizes its batches to hundreds of elements. */
    private static void emitCheap(Stream<Integer> source, int n) {
        for (int i = 0; i < n; i++) {
            source.emit(i);
        }
        source.drain();
    }

    /**
     * Holds every server thread with another pipeline, for less than the timeout or until
     * {@link #unblock}: the next element of a step then waits on the server, and the elements after it
     * pile up on the driver behind it, to leave in batches. Returns the pipeline's source, to drain.
     */
    private static Stream<Integer> holdEveryServerThread() throws InterruptedException {
        Stream<Integer> blocker = Stream.create();
        blocker.scatter(CLUSTER.get()).map((Integer x) -> {
            started.countDown();
            return unblock.await(TIMEOUT.toMillis() * 4 / 5, TimeUnit.MILLISECONDS);
        }).buffer(THREADS).gather().sinkToList();
        for (int i = 0; i < THREADS; i++) {
            blocker.emit(i);
        }
        assertTrue(started.await(HANG.toSeconds(), TimeUnit.SECONDS), "the blocking elements hold every server thread");
        return blocker;
    }

    /** Runs one element per server thread, each waiting until all of them run at once. */
    private static void assertEveryServerThreadIsFree() {
        Stream<Integer> source = Stream.create();
        List<Integer> out = source.scatter(CLUSTER.get()).map((Integer x) -> {
            together.countDown();
            if (!together.await(HANG.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("not every server thread is free");
            }
            return x;
        }).buffer(THREADS).gather().sinkToList();
        for (int i = 0; i < THREADS; i++) {
            source.emit(i);
        }
        source.drain();
        assertEquals(IntStream.range(0, THREADS).boxed().toList(), out);
    }

    static final class Hang implements FunctionEx<Integer, Integer> {
        @Override
        public Integer applyEx(Integer x) throws InterruptedException {
            hangInterruptibly();
            return x;
        }
    }

    /** Hangs until interrupted (or the test is over). */
    private static void hangInterruptibly() throws InterruptedException {
        try {
            release.await();
        } catch (InterruptedException e) {
            interrupted.countDown();
            throw e;
        }
    }

    /** What no JVM library can stop: a function that swallows interrupts (until the test releases it). */
    private static void ignoreInterruptsUntilReleased() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try {
                if (release.await(100, TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException swallowed) {
                interrupted.countDown();
            }
        }
    }

    /** {@code error} has a {@link TimeoutException} in its cause chain and says which step timed out, after how long, and what to do. */
    private static void assertTimedOut(Throwable error, String step, String how) {
        for (Throwable e = error; e != null; e = e.getCause()) {
            if (e.getCause() instanceof TimeoutException) {
                String message = e.getMessage();
                assertTrue(message.startsWith(step + ":"), message);
                assertTrue(message.contains("task timeout of 500 ms"), message);
                assertTrue(message.contains(how), message);
                assertTrue(message.contains("IgniteClusterOptions.withTaskTimeout"), message);
                return;
            }
        }
        fail("no TimeoutException in the cause chain of " + error, error);
    }
}
