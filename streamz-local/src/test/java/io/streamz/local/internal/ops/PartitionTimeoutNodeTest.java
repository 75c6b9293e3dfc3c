package io.streamz.local.internal.ops;

import io.streamz.Stream;
import io.streamz.local.testsupport.Await;
import io.streamz.local.testsupport.ReportedErrors;
import io.streamz.time.VirtualScheduler;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PartitionTimeoutNodeTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    private final VirtualScheduler clock = new VirtualScheduler();
    private final Stream<Integer> source = Stream.create("source", clock);

    @Test
    void emitsAShorterGroupOnceTheTimeoutPassedSinceItsFirstElement() {
        // streamz's docstring: partition(5, timeout=1), emit 0, 1, 2, sleep(1) -> (0, 1, 2)
        List<List<Integer>> groups = source.partition(5, TIMEOUT).sinkToList();
        source.emit(0);
        clock.advance(Duration.ofMillis(500));
        source.emit(1);
        source.emit(2);
        clock.advance(Duration.ofMillis(499));
        assertEquals(List.of(), groups);
        clock.advance(Duration.ofMillis(1));
        Await.drained(source);
        assertEquals(List.of(List.of(0, 1, 2)), groups);
    }

    @Test
    void aFullGroupGoesAtOnceAndItsTimerDoesNotCutTheNextGroupShort() {
        List<List<Integer>> groups = source.partition(3, TIMEOUT).sinkToList();
        source.emit(1);
        clock.advance(Duration.ofMillis(500));
        source.emit(2);
        source.emit(3);
        assertEquals(List.of(List.of(1, 2, 3)), groups, "the emitter of 3 waited for the full group");
        source.emit(4);
        clock.advance(Duration.ofMillis(500));  // when the first group's timer was due
        source.emit(5);
        source.emit(6);
        source.emit(7);
        assertEquals(List.of(List.of(1, 2, 3), List.of(4, 5, 6)), groups, "4 was not cut off alone");
        clock.advance(TIMEOUT);
        Await.drained(source);
        assertEquals(List.of(List.of(1, 2, 3), List.of(4, 5, 6), List.of(7)), groups);
    }

    @Test
    void eachKeyHasItsOwnGroupAndTimer() {
        // As streamz 0.6.4: partition(2, timeout, key=x % 2), emit 1, 2, 3 -> (1, 3), then (2,) on timeout
        List<List<Integer>> groups = source.partition(2, TIMEOUT, x -> x % 2).sinkToList();
        source.emit(1);
        source.emit(2);
        source.emit(3);
        assertEquals(List.of(List.of(1, 3)), groups);
        clock.advance(TIMEOUT);
        Await.drained(source);
        assertEquals(List.of(List.of(1, 3), List.of(2)), groups);
    }

    @Test
    void groupsLeaveInTheOrderTheyWereCompleted() {
        List<List<Integer>> groups = source.partition(2, TIMEOUT, x -> x % 2).sinkToList();
        source.emit(1);
        clock.advance(TIMEOUT);  // (1,) times out
        source.emit(2);
        source.emit(4);          // (2, 4) fills
        Await.drained(source);
        assertEquals(List.of(List.of(1), List.of(2, 4)), groups);
    }

    @Test
    void theEmitterOfAFullGroupGetsDownstreamExceptionsTimedOutGroupsGoToTheHandler() {
        try (ReportedErrors errors = ReportedErrors.install()) {
            source.partition(2, TIMEOUT).map(group -> 10 / group.get(0)).sinkToList();
            source.emit(0);
            assertThrows(ArithmeticException.class, () -> source.emit(0));
            source.emit(0);
            clock.advance(TIMEOUT);
            Await.drained(source);
            assertInstanceOf(ArithmeticException.class, errors.errors().get(0));
        }
    }

    @Test
    void aKeyFunctionExceptionReachesTheEmitterAndLeavesTheGroupsUnchanged() {
        List<List<Integer>> groups = source.partition(2, TIMEOUT, x -> 10 / x).sinkToList();
        source.emit(10);
        assertThrows(ArithmeticException.class, () -> source.emit(0));
        source.emit(9);
        assertEquals(List.of(List.of(10, 9)), groups);
    }

    @Test
    void badArgumentsFailWhenBuilt() {
        assertEquals("partition size must be at least 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> source.partition(0, TIMEOUT)).getMessage());
        assertEquals("partition timeout must be a positive duration, was PT0S",
                assertThrows(IllegalArgumentException.class, () -> source.partition(2, Duration.ZERO)).getMessage());
        assertEquals("partition key function must not be null", assertThrows(NullPointerException.class,
                () -> source.partition(2, TIMEOUT, (Function<Integer, ?>) null)).getMessage());
    }

    @Test
    void toStringShowsTheSizeAndTimeout() {
        assertEquals("<partition: 3, timeout=1>", source.partition(3, TIMEOUT).toString());
    }
}
