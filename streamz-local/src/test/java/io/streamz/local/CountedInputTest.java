package io.streamz.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamz.CollectStream;
import io.streamz.Stream;
import io.streamz.local.internal.core.RefCounter;
import io.streamz.local.internal.core.Refs;
import io.streamz.local.testsupport.AcceptLaterNode;
import io.streamz.local.testsupport.Await;
import io.streamz.local.testsupport.ReportedErrors;
import io.streamz.time.VirtualScheduler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * What "done" means for an input emitted under a {@link RefCounter} (what {@code fromKafkaBatched}
 * commits by): every node that keeps an element past the emit call holds its input until what it
 * made of it was accepted downstream.
 */
class CountedInputTest {
    private final VirtualScheduler clock = new VirtualScheduler();

    @Test
    void anInputThroughMapAndSinkIsDoneWhenTheEmitReturns() {
        Stream<Integer> source = Stream.create();
        List<Integer> out = source.map(x -> x + 1).sinkToList();

        RefCounter input = emitCounted(source, 1);

        assertTrue(input.isDone());
        assertEquals(List.of(2), out);
    }

    @Test
    void aBufferKeepsItsInputUntilTheSlowSinkAcceptedIt() {
        Stream<Integer> source = Stream.create();
        AcceptLaterNode slow = AcceptLaterNode.after(source.buffer(5).map(x -> x * 10));

        RefCounter first = emitCounted(source, 1);
        RefCounter second = emitCounted(source, 2);
        Await.until(() -> slow.received().size() == 1);
        assertFalse(first.isDone(), "in the sink");
        assertFalse(second.isDone(), "in the buffer");

        slow.accept(0);
        Await.until(first::isDone);
        assertFalse(second.isDone());
        slow.accept(1);
        Await.until(second::isDone);
    }

    @Test
    void aSlidingWindowKeepsAnInputUntilItsElementLeftTheWindow() {
        Stream<Integer> source = Stream.create();
        List<List<Integer>> windows = source.slidingWindow(2).sinkToList();

        RefCounter first = emitCounted(source, 1);
        RefCounter second = emitCounted(source, 2);
        assertFalse(first.isDone());
        RefCounter third = emitCounted(source, 3);

        assertTrue(first.isDone(), "1 left the window [2, 3]");
        assertFalse(second.isDone());
        assertFalse(third.isDone());
        assertEquals(List.of(List.of(1, 2), List.of(2, 3)), windows);
    }

    @Test
    void aWindowCarriesTheInputsOfAllItsElementsToTheNextHolder() {
        Stream<Integer> source = Stream.create();
        AcceptLaterNode slow = AcceptLaterNode.after(source.partition(2).buffer(1));

        RefCounter first = emitCounted(source, 1);
        assertFalse(first.isDone(), "waits in the partition");
        RefCounter second = emitCounted(source, 2);
        Await.until(() -> slow.received().size() == 1);
        assertFalse(first.isDone(), "the group [1, 2] is in the sink");
        assertFalse(second.isDone());

        slow.accept(0);
        Await.until(() -> first.isDone() && second.isDone());
    }

    @Test
    void aPartitionWithATimeoutKeepsTheInputsOfEachKeyApart() {
        Stream<Integer> source = Stream.create("numbers", clock);
        List<List<Integer>> groups = source.partition(2, Duration.ofSeconds(1), x -> x % 2).sinkToList();

        RefCounter one = emitCounted(source, 1);
        RefCounter two = emitCounted(source, 2);
        RefCounter three = emitCounted(source, 3);
        Await.until(() -> groups.size() == 1);
        Await.until(() -> one.isDone() && three.isDone()); // the odd group [1, 3] went out
        assertFalse(two.isDone());

        clock.advance(Duration.ofSeconds(1));
        Await.drained(source);
        assertTrue(two.isDone(), "the even group [2] went out on its timeout");
        assertEquals(List.of(List.of(1, 3), List.of(2)), groups);
    }

    @Test
    void aTimedWindowAndADelayKeepTheirInputsUntilTheyEmitted() {
        Stream<Integer> source = Stream.create("numbers", clock);
        List<List<Integer>> windows = source.timedWindow(Duration.ofSeconds(1)).sinkToList();
        List<Integer> delayed = source.delay(Duration.ofSeconds(2)).sinkToList();

        RefCounter input = emitCounted(source, 1);
        clock.advance(Duration.ofSeconds(1));
        Await.until(() -> windows.size() == 1);
        assertEquals(List.of(List.of(1)), windows);
        assertFalse(input.isDone(), "the delay still holds 1");

        clock.advance(Duration.ofSeconds(1));
        Await.drained(source);
        assertEquals(List.of(1), delayed);
        assertTrue(input.isDone());
    }

    @Test
    void latestLetsGoOfTheElementsItDropsAndKeepsTheOneWaiting() {
        Stream<Integer> source = Stream.create();
        AcceptLaterNode slow = AcceptLaterNode.after(source.latest());

        RefCounter sent = emitCounted(source, 1);
        Await.until(() -> slow.received().size() == 1);
        RefCounter dropped = emitCounted(source, 2);
        RefCounter waiting = emitCounted(source, 3);

        assertTrue(dropped.isDone(), "latest dropped 2 for 3");
        assertFalse(sent.isDone());
        assertFalse(waiting.isDone());
        slow.accept(0);
        slow.accept(1);
        Await.until(() -> sent.isDone() && waiting.isDone());
    }

    @Test
    void zipAndCombineLatestKeepTheElementsTheyWaitWith() {
        Stream<Integer> left = Stream.create();
        Stream<Integer> right = Stream.create();
        List<List<Object>> zipped = left.zip(right).sinkToList();
        List<List<Object>> combined = left.combineLatest(right).sinkToList();

        RefCounter l1 = emitCounted(left, 1);
        RefCounter l2 = emitCounted(left, 2);
        assertFalse(l1.isDone());
        RefCounter r1 = emitCounted(right, 10);

        assertTrue(l1.isDone(), "zipped with 10, and replaced by 2 in combine_latest");
        assertEquals(List.of(List.of(1, 10)), zipped);
        assertEquals(List.of(List.of(2, 10)), combined);
        assertFalse(l2.isDone(), "waits in zip, and is combine_latest's latest");
        assertFalse(r1.isDone(), "combine_latest's latest on the right");
    }

    @Test
    void collectKeepsItsInputsUntilFlushed() {
        Stream<Integer> source = Stream.create();
        CollectStream<Integer> collected = source.collect();
        List<List<Integer>> flushed = collected.sinkToList();

        RefCounter input = emitCounted(source, 1);
        assertFalse(input.isDone());

        collected.flush();
        assertTrue(input.isDone());
        assertEquals(List.of(List.of(1)), flushed);
    }

    @Test
    void mapAsyncKeepsItsInputUntilTheResultWasAccepted() {
        Stream<Integer> source = Stream.create();
        CompletableFuture<Integer> result = new CompletableFuture<>();
        List<Integer> out = source.mapAsync(x -> result).sinkToList();
        RefCounter input = new RefCounter(() -> { });
        // As a counted source does: its own hold ends when downstream accepted the element.
        Refs.runWith(Refs.of(input), () -> source.emitAsync(1).whenComplete((ignored, error) -> input.release()));
        assertFalse(input.isDone());

        result.complete(2);
        Await.until(input::isDone);
        assertEquals(List.of(2), out);
    }

    @Test
    void mapAsyncAndRateLimitHandTheInputsOfWhatTheyEmitLaterToTheWindowAfterThem() {
        Stream<Integer> source = Stream.create("numbers", clock);
        CompletableFuture<Integer> result = new CompletableFuture<>();
        List<List<Integer>> asyncWindows = source.mapAsync(x -> result).slidingWindow(2).sinkToList();
        List<List<Integer>> limitedWindows = source.rateLimit(Duration.ofSeconds(1)).slidingWindow(2).sinkToList();
        RefCounter input = new RefCounter(() -> { });
        CompletableFuture<Void> accepted = new CompletableFuture<>();
        Refs.emitCounted(input, () -> source.emitAsync(1).whenComplete((ignored, error) -> accepted.complete(null)));

        result.complete(10); // mapAsync emits 10 on its worker thread, rateLimit has emitted 1 at once
        Await.done(accepted);
        Await.drained(source);

        assertEquals(List.of(), asyncWindows);
        assertEquals(List.of(), limitedWindows);
        assertFalse(input.isDone(), "10 and 1 wait in their windows " + input);
    }

    @Test
    void anElementWhoseSinkFailedIsDoneAndReported() {
        try (ReportedErrors errors = ReportedErrors.install()) {
            Stream<Integer> source = Stream.create();
            source.buffer(2).sink(x -> {
                throw new IllegalStateException("bad " + x);
            });

            RefCounter input = emitCounted(source, 1);

            Await.until(input::isDone);
            Await.until(() -> !errors.errors().isEmpty());
        }
    }

    @Test
    void anElementDroppedByADestroyedBufferIsNeverDone() {
        Stream<Integer> source = Stream.create();
        Stream<Integer> buffer = source.buffer(5);
        AcceptLaterNode slow = AcceptLaterNode.after(buffer);
        emitCounted(source, 1);
        Await.until(() -> slow.received().size() == 1);
        RefCounter queued = emitCounted(source, 2);

        buffer.destroy();
        slow.accept(0);
        Await.drained(source);

        assertFalse(queued.isDone(), "at least once: its input must be read again");
    }

    /** Emits {@code x} at {@code source} under a new counter, as a counted source does, and lets go of the source's hold. */
    private static <T> RefCounter emitCounted(Stream<T> source, T x) {
        RefCounter input = new RefCounter(() -> { });
        Refs.emitCounted(input, () -> source.emit(x));
        return input;
    }
}
