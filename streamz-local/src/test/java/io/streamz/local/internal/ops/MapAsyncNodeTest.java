package io.streamz.local.internal.ops;

import io.streamz.Stream;
import io.streamz.local.testsupport.Await;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MapAsyncNodeTest {
    @Test
    void emitsEachResultWhenItsStageCompletes() {
        Stream<Integer> source = Stream.create();
        List<Integer> results = source.mapAsync(x -> CompletableFuture.supplyAsync(() -> 2 * x)).sinkToList();
        for (int i = 0; i < 5; i++) {
            source.emit(i);
        }
        assertEquals(List.of(0, 2, 4, 6, 8), results);
    }

    @Test
    void theEmitterWaitsForTheStage() {
        Stream<Integer> source = Stream.create();
        CompletableFuture<Integer> stage = new CompletableFuture<>();
        List<Integer> results = source.mapAsync(x -> stage).sinkToList();

        CompletableFuture<Void> emitted = source.emitAsync(1);
        assertFalse(emitted.isDone());
        stage.complete(10);
        Await.done(emitted);
        assertEquals(List.of(10), results);
    }

    @Test
    void resultsLeaveInInputOrderWhenStagesCompleteOutOfOrder() {
        Stream<Integer> source = Stream.create();
        List<CompletableFuture<String>> stages = new ArrayList<>();
        List<String> results = source.mapAsync(x -> {
            CompletableFuture<String> stage = new CompletableFuture<>();
            stages.add(stage);
            return stage;
        }).sinkToList();
        List<CompletableFuture<Void>> emitted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            emitted.add(source.emitAsync(i));
        }

        stages.get(2).complete("c");
        stages.get(1).complete("b");
        assertEquals(List.of(), results, "b and c wait for a");
        assertFalse(emitted.get(2).isDone());
        stages.get(0).complete("a");
        emitted.forEach(Await::done);
        assertEquals(List.of("a", "b", "c"), results);
    }

    @Test
    void aFailedStageReachesItsEmitterAndLaterElementsGoOn() {
        IllegalStateException lost = new IllegalStateException("lookup failed");
        Stream<Integer> source = Stream.create();
        List<Integer> results = source.mapAsync(x -> x == 0
                ? CompletableFuture.<Integer>failedFuture(lost)
                : CompletableFuture.completedFuture(x)).sinkToList();

        assertSame(lost, assertThrows(IllegalStateException.class, () -> source.emit(0)));
        source.emit(1);
        assertEquals(List.of(1), results);
    }

    @Test
    void anAsyncEmitterGetsTheStagesOriginalExceptionUnderEveryFutureWrapper() {
        Stream<Integer> source = Stream.create();
        IllegalStateException lost = new IllegalStateException("lost");
        source.mapAsync(x -> CompletableFuture.failedFuture(new CompletionException(new ExecutionException(lost))))
                .sinkToList();

        Throwable failure = source.emitAsync(0).handle((ignored, error) -> error).join();

        assertSame(lost, failure.getCause(), "one CompletionException, as from any failed emitAsync, then the original");
    }

    @Test
    void aDownstreamExceptionReachesTheEmitter() {
        Stream<Integer> source = Stream.create();
        source.mapAsync(CompletableFuture::completedFuture).map(x -> 10 / x).sinkToList();
        assertThrows(ArithmeticException.class, () -> source.emit(0));
    }

    @Test
    void aFunctionExceptionIsThrownStraightToTheEmitter() {
        Stream<Integer> source = Stream.create();
        source.mapAsync(x -> CompletableFuture.completedFuture(10 / x)).sinkToList();
        assertThrows(ArithmeticException.class, () -> source.emit(0));
    }

    @Test
    void aFunctionReturningNullFailsTheEmitWithAMessage() {
        Stream<Integer> source = Stream.create();
        source.mapAsync(x -> null).sinkToList();
        NullPointerException error = assertThrows(NullPointerException.class, () -> source.emit(1));
        assertTrue(error.getMessage().contains("returned null"), error.getMessage());
    }

    @Test
    void drainWaitsForPendingStages() {
        Stream<Integer> source = Stream.create();
        CompletableFuture<Integer> stage = new CompletableFuture<>();
        List<Integer> results = source.mapAsync(x -> stage).sinkToList();
        source.emitAsync(1);
        CompletableFuture<Void> drained = source.drainAsync();
        assertFalse(drained.isDone());
        stage.complete(7);
        Await.done(drained);
        assertEquals(List.of(7), results);
    }

    @Test
    void aNullFunctionFailsWhenBuilt() {
        Stream<Integer> source = Stream.create();
        assertEquals("mapAsync function must not be null", assertThrows(NullPointerException.class,
                () -> source.mapAsync((Function<Integer, CompletableFuture<Integer>>) null)).getMessage());
    }

    @Test
    void toStringNamesTheOperatorAsStreamzDoes() {
        assertEquals("<map_async: fetch>", Stream.<Integer>create()
                .mapAsync(CompletableFuture::completedFuture).named("fetch").toString());
    }
}
