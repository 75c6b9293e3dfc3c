package io.streamz.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {
    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong clock = new AtomicLong(7 * SECOND);
    private final AtomicLong done = new AtomicLong(100);
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    private ProgressReporter reporter() {
        return new ProgressReporter("CPU-bound map, 2 servers", done::get, clock::get, out);
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void eachLineGivesTheCountTheRateOverTheLastPeriodAndTheRateSinceTheStart() {
        ProgressReporter reporter = reporter();
        clock.addAndGet(5 * SECOND);
        done.set(10_100);
        reporter.report();
        clock.addAndGet(5 * SECOND);
        done.set(12_600);
        reporter.report();

        assertEquals("progress: CPU-bound map, 2 servers: 10,100 elements after 5.0 s, 2,000/s now, 2,000/s overall\n"
                + "progress: CPU-bound map, 2 servers: 12,600 elements after 10.0 s, 500/s now, 1,250/s overall\n",
                printed());
    }

    @Test
    void closingPrintsTheTotalsOnceAndNothingAfterThem() {
        ProgressReporter reporter = reporter();
        clock.addAndGet(4 * SECOND);
        done.set(4_100);
        reporter.close();
        reporter.close();
        reporter.report();

        assertEquals("progress: CPU-bound map, 2 servers: done, 4,100 elements in 4.0 s, 1,000/s\n", printed());
    }

    @Test
    void aCountThatFailsCostsOneLineNotTheReporter() {
        AtomicLong calls = new AtomicLong();
        ProgressReporter reporter = new ProgressReporter("job", () -> {
            if (calls.incrementAndGet() == 2) {
                throw new IllegalStateException("cluster gone");
            }
            return 50;
        }, clock::get, out);
        reporter.report();
        clock.addAndGet(SECOND);
        reporter.report();

        assertEquals("progress: job: count unavailable (java.lang.IllegalStateException: cluster gone)\n"
                + "progress: job: 50 elements after 1.0 s, 0/s now, 0/s overall\n", printed());
    }

    @Test
    void startedItReportsOnItsOwnThreadEveryPeriodUntilClosed() throws InterruptedException {
        CountDownLatch twoLines = new CountDownLatch(2);
        PrintStream counting = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                if (b == '\n') {
                    twoLines.countDown();
                }
            }
        }, true, StandardCharsets.UTF_8);
        ProgressReporter reporter = ProgressReporter.start("job", done::get, Duration.ofMillis(10), counting);
        try {
            assertTrue(twoLines.await(30, TimeUnit.SECONDS), "two progress lines within 30 s at one per 10 ms");
        } finally {
            reporter.close();
        }
    }

    @Test
    void aPeriodThatIsNotPositiveIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProgressReporter.start("job", done::get, Duration.ZERO, out));
        assertTrue(e.getMessage().contains("must be positive"), e.getMessage());
    }
}
