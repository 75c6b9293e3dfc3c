package io.streamz.local.internal.ops;

import io.streamz.Stream;
import io.streamz.function.UserFunctionException;
import io.streamz.local.testsupport.Await;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SinkAsyncNodeTest {
    @Test
    void emitReturnsOnlyOnceTheReturnedStageCompletes() {
        Stream<Integer> source = Stream.create();
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        List<Integer> written = new ArrayList<>();
        source.sinkAsync(x -> {
            CompletableFuture<Void> write = new CompletableFuture<>();
            write.thenRun(() -> written.add(x));
            writes.add(write);
            return write;
        });

        CompletableFuture<Void> emitted = source.emitAsync(1);
        assertFalse(emitted.isDone(), "back pressure: the write is not finished");
        writes.get(0).complete(null);
        assertTrue(emitted.isDone());
        assertEquals(List.of(1), written);
    }

    @Test
    void aFailedStageReachesTheEmitterWithTheOriginalException() {
        IllegalStateException refused = new IllegalStateException("database refused");
        Stream<Integer> source = Stream.create();
        source.sinkAsync(x -> CompletableFuture.supplyAsync(() -> {
            throw refused;
        }));
        assertSame(refused, assertThrows(IllegalStateException.class, () -> source.emit(1)));
    }

    @Test
    void aCheckedFailureIsWrappedOnce() {
        IOException disk = new IOException("disk full");
        Stream<Integer> source = Stream.create();
        source.sinkAsync(x -> CompletableFuture.failedFuture(disk));
        assertSame(disk, assertThrows(UserFunctionException.class, () -> source.emit(1)).getCause());
    }

    @Test
    void theStreamKeepsWorkingAfterAFailure() {
        Stream<Integer> source = Stream.create();
        List<Integer> written = new ArrayList<>();
        source.sinkAsync(x -> x == 0
                ? CompletableFuture.failedFuture(new ArithmeticException("zero"))
                : CompletableFuture.runAsync(() -> written.add(x)));
        assertThrows(ArithmeticException.class, () -> source.emit(0));
        source.emit(1);
        assertEquals(List.of(1), written);
    }

    @Test
    void aFunctionReturningNullFailsTheEmitWithAMessage() {
        Stream<Integer> source = Stream.create();
        source.sinkAsync(x -> null);
        NullPointerException error = assertThrows(NullPointerException.class, () -> source.emit(1));
        assertTrue(error.getMessage().contains("returned null"), error.getMessage());
    }

    @Test
    void aNullFunctionFailsWhenBuilt() {
        Stream<Integer> source = Stream.create();
        assertEquals("sinkAsync function must not be null", assertThrows(NullPointerException.class,
                () -> source.sinkAsync((Function<Integer, CompletableFuture<Void>>) null)).getMessage());
    }

    @Test
    void toStringIsThatOfASink() {
        assertEquals("<sink: write>", Stream.<Integer>create()
                .sinkAsync(x -> CompletableFuture.completedFuture(null)).named("write").toString());
    }
}
