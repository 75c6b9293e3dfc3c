package io.streamz.local.internal.ops;

import io.streamz.Stream;
import io.streamz.local.testsupport.AcceptLaterNode;
import io.streamz.local.testsupport.Await;
import io.streamz.local.testsupport.ReportedErrors;
import io.streamz.time.VirtualScheduler;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimedWindowNodeTest {
    private static final Duration INTERVAL = Duration.ofMillis(200);

    private final VirtualScheduler clock = new VirtualScheduler();
    private final Stream<Integer> source = Stream.create("source", clock);

    @Test
    void emitsWhatArrivedDuringEachIntervalAnEmptyListToo() {
        List<List<Integer>> windows = source.timedWindow(INTERVAL).sinkToList();
        clock.advance(Duration.ofMillis(50));
        source.emit(1);
        source.emit(2);
        clock.advance(Duration.ofMillis(150));
        clock.advance(INTERVAL);
        source.emit(3);
        clock.advance(INTERVAL);
        Await.drained(source);
        assertEquals(List.of(List.of(1, 2), List.of(), List.of(3)), windows);
    }

    @Test
    void theFirstWindowClosesOneIntervalAfterTheNodeWasBuilt() {
        clock.advance(Duration.ofMillis(30));
        List<List<Integer>> windows = source.timedWindow(INTERVAL).sinkToList();
        source.emit(1);
        clock.advance(INTERVAL.minusNanos(1));
        assertEquals(List.of(), windows, "no empty window at build time, unlike streamz's loop");
        clock.advance(Duration.ofNanos(1));
        Await.drained(source);
        assertEquals(List.of(List.of(1)), windows);
    }

    @Test
    void windowsAreUnmodifiableAndHoldNulls() {
        List<List<Integer>> windows = source.timedWindow(INTERVAL).sinkToList();
        source.emit(null);
        clock.advance(INTERVAL);
        Await.drained(source);
        assertEquals(1, windows.get(0).size());
        assertThrows(UnsupportedOperationException.class, () -> windows.get(0).add(1));
    }

    @Test
    void whileAWindowIsOnItsWayNewElementsWaitForIt() {
        AcceptLaterNode slow = AcceptLaterNode.after(source.timedWindow(INTERVAL));
        source.emit(1);
        assertTrue(source.emitAsync(2).isDone(), "no window is on its way yet");
        clock.advance(INTERVAL);
        CompletableFuture<Void> third = source.emitAsync(3);
        // The window [1, 2] is on its way (or about to be): 3 waits until slow accepted it.
        assertFalse(third.isDone());
        Await.until(() -> slow.received().size() == 1);
        slow.accept(0);
        Await.done(third);
        assertEquals(List.of(List.of(1, 2)), slow.received());
    }

    @Test
    void aSlowDownstreamLosesNoElement() {
        AcceptLaterNode slow = AcceptLaterNode.after(source.timedWindow(INTERVAL));
        for (int i = 0; i < 3; i++) {
            source.emitAsync(i);
            clock.advance(INTERVAL);
        }
        for (int i = 0; i < 3; i++) {
            int index = i;
            Await.until(() -> slow.received().size() > index);
            slow.accept(index);
        }
        Await.drained(source);
        assertEquals(List.of(List.of(0), List.of(1), List.of(2)), slow.received());
    }

    @Test
    void aDownstreamExceptionGoesToTheErrorHandlerAndWindowsGoOn() {
        try (ReportedErrors errors = ReportedErrors.install()) {
            List<Integer> sizes = source.timedWindow(INTERVAL).map(window -> 10 / window.size()).sinkToList();
            clock.advance(INTERVAL);
            source.emit(1);
            clock.advance(INTERVAL);
            Await.drained(source);
            assertEquals(List.of(10), sizes);
            assertInstanceOf(ArithmeticException.class, errors.errors().get(0));
        }
    }

    @Test
    void destroyStopsTheTimer() {
        Stream<List<Integer>> windowed = source.timedWindow(INTERVAL);
        List<List<Integer>> windows = windowed.sinkToList();
        windowed.destroy();
        clock.advance(INTERVAL.multipliedBy(3));
        assertEquals(List.of(), windows);
        assertEquals(0, clock.pendingTasks());
    }

    @Test
    void aZeroIntervalFailsWhenBuilt() {
        assertEquals("timedWindow interval must be a positive duration, was PT0S",
                assertThrows(IllegalArgumentException.class, () -> source.timedWindow(Duration.ZERO)).getMessage());
    }

    @Test
    void toStringShowsTheIntervalInSeconds() {
        assertEquals("<timed_window: 0.2>", source.timedWindow(INTERVAL).toString());
    }
}
