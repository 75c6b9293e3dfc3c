package io.streamz.cluster.internal.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The watch on the server, without a cluster: what it does to an element that overruns and to the ones after it. */
@Timeout(30)
class ElementWatchTest {
    private static final TaskLimit LIMIT = new TaskLimit(Duration.ofMillis(100), "cluster map", UUID.randomUUID(), 1);

    @Test
    void onlyTheElementThatOverrunsFailsAndTheNextOneRunsWithoutTheInterrupt() {
        Outcomes out = new Outcomes(3, Long.MAX_VALUE);
        List<Boolean> standing = new ArrayList<>();
        boolean[] nextSawInterrupt = new boolean[1];
        try (ElementWatch watch = ElementWatch.start(LIMIT, null, () -> { })) {
            standing.add(watch.apply(0, out, () -> out.present(0, "a")));
            standing.add(watch.apply(1, out, () -> {
                try {
                    new CountDownLatch(1).await();
                } catch (InterruptedException e) {
                    // As a well-behaved function does: it keeps the interrupt for its caller.
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }));
            standing.add(watch.apply(2, out, () -> {
                nextSawInterrupt[0] = Thread.currentThread().isInterrupted();
                out.present(2, "c");
            }));
        }

        assertEquals(List.of(true, false, true), standing);
        assertFalse(nextSawInterrupt[0], "the interrupt of the timeout must not reach the next element");
        assertEquals(List.of("a", "c"), List.of(out.value(0), out.value(2)));
        assertTrue(out.anyPresent());
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @Test
    void aValueReturnedAfterTheInterruptIsDiscarded() {
        Outcomes out = new Outcomes(1, Long.MAX_VALUE);
        boolean standing;
        // 3 s: a grace period of 300 ms, so that a loaded machine still runs the function on within it.
        TaskLimit limit = new TaskLimit(Duration.ofSeconds(3), "cluster map", UUID.randomUUID(), 1);
        try (ElementWatch watch = ElementWatch.start(limit, null, () -> { })) {
            standing = watch.apply(0, out, () -> {
                try {
                    new CountDownLatch(1).await();
                } catch (InterruptedException swallowed) {
                    // Returns a value as if nothing happened, within the grace period.
                }
                out.present(0, "late");
            });
        }

        assertFalse(standing);
        assertNull(out.value(0));
        assertFalse(out.anyPresent(), "a discarded value must not count as present");
        assertFalse(Thread.currentThread().isInterrupted());
    }

    /**
     * A sweep judging every element overdue while the job's thread runs short elements, one after another:
     * an element that saw an interrupt was judged (it does not stand), and no interrupt outlives its element.
     */
    @Test
    void aSweepRacingTheElementsInterruptsOnlyTheOneItJudged() throws InterruptedException {
        ManualSweepTimer clock = new ManualSweepTimer();
        WatchSweeper sweeper = new WatchSweeper(clock);
        int elements = 200_000;
        Outcomes out = new Outcomes(elements, Long.MAX_VALUE);
        int[] stoodInterrupted = new int[1];
        int[] leftInterrupted = new int[1];
        int[] failed = new int[1];
        try (ElementWatch watch = ElementWatch.start(sweeper, LIMIT, null, () -> { })) {
            Thread sweep = new Thread(() -> {
                // Past the timeout of every element (the clock stays at 0), within its grace period.
                while (!Thread.currentThread().isInterrupted()) {
                    watch.check(LIMIT.nanos());
                }
            });
            sweep.start();
            try {
                for (int i = 0; i < elements; i++) {
                    int at = i;
                    boolean[] sawInterrupt = new boolean[1];
                    boolean standing = watch.apply(i, out, () -> {
                        sawInterrupt[0] = Thread.currentThread().isInterrupted();
                        out.present(at, at);
                    });
                    if (!standing) {
                        failed[0]++;
                    } else if (sawInterrupt[0]) {
                        stoodInterrupted[0]++;
                    }
                    if (Thread.interrupted()) {
                        leftInterrupted[0]++;
                    }
                }
            } finally {
                sweep.interrupt();
                sweep.join();
            }
        }

        assertEquals(0, stoodInterrupted[0], "an element ran interrupted, yet stood: the interrupt was meant for another");
        assertEquals(0, leftInterrupted[0], "an interrupt outlived its element");
        assertTrue(failed[0] > 0, "the sweep never caught an element running: the race was not exercised");
        assertFalse(Thread.currentThread().isInterrupted());
    }
}
