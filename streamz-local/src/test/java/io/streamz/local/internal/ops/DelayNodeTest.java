package io.streamz.local.internal.ops;

import io.streamz.Stream;
import io.streamz.local.testsupport.Await;
import io.streamz.local.testsupport.ReportedErrors;
import io.streamz.time.VirtualScheduler;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DelayNodeTest {
    private final VirtualScheduler clock = new VirtualScheduler();
    private final Stream<Integer> source = Stream.create("source", clock);

    @Test
    void emitsEachElementTheIntervalAfterItArrived() {
        List<Integer> results = source.delay(Duration.ofSeconds(1)).sinkToList();
        source.emit(1);
        clock.advance(Duration.ofMillis(500));
        source.emit(2);

        clock.advance(Duration.ofMillis(499));
        assertEquals(List.of(), results);
        clock.advance(Duration.ofMillis(1));
        Await.until(() -> !results.isEmpty());  // not drained: 2 is still held, due in 500 ms
        assertEquals(List.of(1), results);
        clock.advance(Duration.ofMillis(500));
        Await.drained(source);
        assertEquals(List.of(1, 2), results);
    }

    @Test
    void anElementAfterAQuietSpellIsDelayedToo() {
        List<Integer> results = source.delay(Duration.ofSeconds(1)).sinkToList();
        clock.advance(Duration.ofMinutes(1));
        source.emit(1);
        assertEquals(List.of(), results, "streamz 0.6.4 lets this one through at once; the API says delayed");
        clock.advance(Duration.ofSeconds(1));
        Await.drained(source);
        assertEquals(List.of(1), results);
    }

    @Test
    void theEmitterNeverWaits() {
        source.delay(Duration.ofSeconds(1)).sinkToList();
        CompletableFuture<Void> emitted = source.emitAsync(1);
        assertTrue(emitted.isDone());
    }

    @Test
    void aSlowDownstreamLosesNothingAndKeepsTheOrder() {
        Semaphore permits = new Semaphore(0);
        List<Integer> results = new CopyOnWriteArrayList<>();
        source.delay(Duration.ofMillis(10)).sink(x -> {
            permits.acquireUninterruptibly();
            results.add(x);
        });
        for (int i = 0; i < 5; i++) {
            source.emit(i);
            clock.advance(Duration.ofMillis(5));
        }
        clock.advance(Duration.ofSeconds(1));
        permits.release(5);
        Await.drained(source);
        assertEquals(List.of(0, 1, 2, 3, 4), results);
    }

    @Test
    void aDownstreamExceptionGoesToTheErrorHandler() {
        try (ReportedErrors errors = ReportedErrors.install()) {
            List<Integer> results = source.delay(Duration.ofSeconds(1)).map(x -> 10 / x).sinkToList();
            source.emit(0);
            source.emit(5);
            clock.advance(Duration.ofSeconds(1));
            Await.drained(source);
            assertEquals(List.of(2), results);
            assertInstanceOf(ArithmeticException.class, errors.errors().get(0));
        }
    }

    @Test
    void destroyDropsWaitingElementsAndCancelsTheTimer() {
        Stream<Integer> delayed = source.delay(Duration.ofSeconds(1));
        List<Integer> results = delayed.sinkToList();
        source.emit(1);
        delayed.destroy();
        clock.advance(Duration.ofSeconds(2));
        Await.drained(delayed);
        assertEquals(List.of(), results);
    }

    @Test
    void aNegativeIntervalFailsWhenBuilt() {
        assertEquals("delay interval must not be negative, was PT-1S",
                assertThrows(IllegalArgumentException.class, () -> source.delay(Duration.ofSeconds(-1))).getMessage());
        assertThrows(NullPointerException.class, () -> source.delay(null));
    }

    @Test
    void toStringShowsTheIntervalInSecondsAsStreamzDoes() {
        assertEquals("<delay: 0.25>", source.delay(Duration.ofMillis(250)).toString());
    }
}
