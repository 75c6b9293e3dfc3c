package io.streamz.local;

import io.streamz.Stream;
import io.streamz.local.testsupport.Await;
import io.streamz.time.VirtualScheduler;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seed's time-based examples: "Processing Time and Back Pressure" (2.1.5) and "Asynchronous
 * Computation" (2.7), written as the seed writes them. {@code json.loads} becomes
 * {@code Integer::valueOf}; the asynchronous {@code write_to_database} is a {@link Database} whose
 * writes the test finishes; Tornado's sleeps are a {@link VirtualScheduler}'s time.
 */
class SeedTimeExamplesTest {
    /** An asynchronous database: each write returns a future that the test (or the clock) completes. */
    private static final class Database {
        final List<Integer> rows = new CopyOnWriteArrayList<>();
        final List<CompletableFuture<Void>> pending = new CopyOnWriteArrayList<>();

        CompletableFuture<Void> writeToDatabase(Integer row) {
            CompletableFuture<Void> write = new CompletableFuture<>();
            pending.add(write);
            return write.thenRun(() -> rows.add(row));
        }

        /** Finishes write number {@code index} once it has started. */
        void finish(int index) {
            Await.until(() -> pending.size() > index);
            pending.get(index).complete(null);
        }
    }

    @Test
    void emitWaitsForTheDatabaseWrite() {
        // source.map(json.loads).sink(write_to_database); await source.emit(line)
        Database database = new Database();
        Stream<String> source = Stream.create();
        source.map(Integer::valueOf).sinkAsync(database::writeToDatabase);

        CompletableFuture<Void> emitted = source.emitAsync("1");
        assertFalse(emitted.isDone(), "the write's future is passed back to emit");
        database.finish(0);
        Await.done(emitted);
        assertEquals(List.of(1), database.rows);
    }

    @Test
    void aBufferLetsAHundredMessagesWaitForTheDatabase() {
        // source.map(json.loads).buffer(100).sink(write_to_database)
        Database database = new Database();
        Stream<String> source = Stream.create();
        source.map(Integer::valueOf).buffer(100).sinkAsync(database::writeToDatabase);

        for (int i = 0; i <= 100; i++) {
            source.emit(String.valueOf(i));  // one write in progress, a hundred waiting: no emit blocks
        }
        CompletableFuture<Void> oneTooMany = source.emitAsync("101");
        assertFalse(oneTooMany.isDone(), "the buffer is full");
        for (int i = 0; i <= 101; i++) {
            database.finish(i);
        }
        Await.done(oneTooMany);
        Await.drained(source);
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i <= 101; i++) {
            expected.add(i);
        }
        assertEquals(expected, database.rows);
    }

    @Test
    void aRateLimitOfTenMillisecondsInFrontOfTheBuffer() {
        // source.rate_limit(0.010).map(json.loads).buffer(100).sink(write_to_database)
        VirtualScheduler clock = new VirtualScheduler();
        Database database = new Database();
        Stream<String> source = Stream.create("api", clock);
        List<Long> parsedAt = new CopyOnWriteArrayList<>();
        source.rateLimit(Duration.ofMillis(10))
                .map(line -> {
                    parsedAt.add(clock.nanoTime());
                    return Integer.valueOf(line);
                })
                .buffer(100)
                .sinkAsync(database::writeToDatabase);

        List<CompletableFuture<Void>> emitted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            emitted.add(source.emitAsync(String.valueOf(i)));
        }
        for (int i = 0; i < 5; i++) {
            Await.done(emitted.get(i));  // accepted by the buffer, though not written yet
            clock.advance(Duration.ofMillis(10));
        }
        for (int i = 0; i < 5; i++) {
            database.finish(i);
        }
        Await.drained(source);
        assertEquals(List.of(0, 1, 2, 3, 4), database.rows);
        assertEquals(List.of(0L, 10_000_000L, 20_000_000L, 30_000_000L, 40_000_000L), parsedAt);
    }

    @Test
    void incrementThenRateLimitHalfASecondThenAnAsynchronousWrite() {
        // source.map(increment).rate_limit('500ms').sink(write); for x in range(10): source.emit(x)
        // where write sleeps 0.2 s (gen.sleep) and then prints.
        VirtualScheduler clock = new VirtualScheduler();
        Stream<Integer> source = Stream.create("source", clock);
        List<String> printed = new CopyOnWriteArrayList<>();
        source.map(x -> x + 1).rateLimit(Duration.ofMillis(500)).sinkAsync(x -> {
            CompletableFuture<Void> written = new CompletableFuture<>();
            clock.schedule(Duration.ofMillis(200), () -> {
                printed.add(x + " at " + Duration.ofNanos(clock.nanoTime()).toMillis() + " ms");
                written.complete(null);
            });
            return written;
        });

        for (int x = 0; x < 10; x++) {
            CompletableFuture<Void> emitted = source.emitAsync(x);
            while (!emitted.isDone()) {  // the emitter blocks; time moves on meanwhile
                Await.until(() -> clock.pendingTasks() > 0);
                clock.advance(Duration.ofMillis(100));
            }
        }
        List<String> expected = new ArrayList<>();
        for (int x = 0; x < 10; x++) {
            expected.add((x + 1) + " at " + (500 * x + 200) + " ms");
        }
        assertEquals(expected, printed);
        assertTrue(clock.nanoTime() >= Duration.ofMillis(4700).toNanos());
    }
}
