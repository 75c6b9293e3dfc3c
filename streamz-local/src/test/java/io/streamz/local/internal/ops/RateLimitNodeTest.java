package io.streamz.local.internal.ops;

import io.streamz.Stream;
import io.streamz.local.testsupport.Await;
import io.streamz.time.VirtualScheduler;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RateLimitNodeTest {
    private static final Duration INTERVAL = Duration.ofMillis(100);

    private final VirtualScheduler clock = new VirtualScheduler();
    private final Stream<Integer> source = Stream.create("source", clock);
    /** When each element reached the sink, on the virtual clock. */
    private final List<Long> arrivals = new java.util.concurrent.CopyOnWriteArrayList<>();

    private List<Integer> rateLimitedList() {
        return source.rateLimit(INTERVAL).map(x -> {
            arrivals.add(clock.nanoTime());
            return x;
        }).sinkToList();
    }

    @Test
    void theFirstElementPassesAtOnceAndTheNextWaitsForTheInterval() {
        List<Integer> results = rateLimitedList();
        source.emit(1);
        assertEquals(List.of(1), results);

        CompletableFuture<Void> second = source.emitAsync(2);
        clock.advance(INTERVAL.minusNanos(1));
        assertFalse(second.isDone(), "the emitter waits for its element's turn");
        clock.advance(Duration.ofNanos(1));
        Await.done(second);
        assertEquals(List.of(1, 2), results);
        assertEquals(List.of(0L, INTERVAL.toNanos()), arrivals);
    }

    @Test
    void noTwoElementsPassCloserThanTheIntervalAndNoneIsLost() {
        List<Integer> results = rateLimitedList();
        List<CompletableFuture<Void>> emitted = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            emitted.add(source.emitAsync(i));
        }
        for (int i = 0; i < 10; i++) {
            Await.done(emitted.get(i));
            clock.advance(INTERVAL);
        }
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), results);
        for (int i = 1; i < arrivals.size(); i++) {
            assertEquals(INTERVAL.toNanos(), arrivals.get(i) - arrivals.get(i - 1));
        }
    }

    @Test
    void anIdleSpellBuildsNoBurst() {
        List<Integer> results = rateLimitedList();
        source.emit(1);
        clock.advance(INTERVAL.multipliedBy(50));
        source.emit(2);
        CompletableFuture<Void> third = source.emitAsync(3);
        clock.advance(INTERVAL.minusNanos(1));
        assertFalse(third.isDone(), "unlike Guava's RateLimiter, idle time stores no permits");
        clock.advance(Duration.ofNanos(1));
        Await.done(third);
        assertEquals(List.of(1, 2, 3), results);
    }

    @Test
    void aSlowDownstreamCannotSqueezeTwoElementsTogether() {
        Semaphore permits = new Semaphore(0);
        source.rateLimit(INTERVAL).sink(x -> {
            arrivals.add(clock.nanoTime());
            permits.acquireUninterruptibly();
        });
        CompletableFuture<Void> first = source.emitAsync(1);
        CompletableFuture<Void> second = source.emitAsync(2);
        Await.until(() -> arrivals.size() == 1);  // 1 reached the sink at 0 ms
        clock.advance(INTERVAL.multipliedBy(3));
        assertEquals(1, arrivals.size(), "2 waits until downstream accepted 1");

        permits.release();  // 1 is accepted at 300 ms: 2 goes at once, its interval passed long ago
        Await.done(first);
        CompletableFuture<Void> third = source.emitAsync(3);
        permits.release();
        Await.done(second);
        clock.advance(INTERVAL.minusNanos(1));
        assertFalse(third.isDone(), "3 waits a full interval after 2 went");
        clock.advance(Duration.ofNanos(1));
        permits.release();
        Await.done(third);
        assertEquals(List.of(0L, 3 * INTERVAL.toNanos(), 4 * INTERVAL.toNanos()), arrivals);
    }

    @Test
    void aDownstreamExceptionReachesTheEmitterAndTheNextElementGoesOn() {
        List<Integer> results = source.rateLimit(INTERVAL).map(x -> 10 / x).sinkToList();
        assertThrows(ArithmeticException.class, () -> source.emit(0));
        CompletableFuture<Void> next = source.emitAsync(5);
        clock.advance(INTERVAL);
        Await.done(next);
        assertEquals(List.of(2), results);
    }

    @Test
    void destroyFailsTheWaitingEmitters() {
        Stream<Integer> limited = source.rateLimit(INTERVAL);
        limited.sinkToList();
        source.emit(1);
        CompletableFuture<Void> second = source.emitAsync(2);
        limited.destroy();
        clock.advance(INTERVAL);
        assertSame(IllegalStateException.class, Await.failure(second).getClass());
    }

    @Test
    void aNegativeIntervalFailsWhenBuilt() {
        assertEquals("rateLimit interval must not be negative, was PT-0.01S", assertThrows(
                IllegalArgumentException.class, () -> source.rateLimit(Duration.ofMillis(-10))).getMessage());
    }

    @Test
    void toStringShowsTheIntervalInSeconds() {
        assertEquals("<rate_limit: 0.01>", source.rateLimit(Duration.ofMillis(10)).toString());
    }
}
