package io.streamz.local.internal.sources;

import io.streamz.Source;
import io.streamz.Stream;
import io.streamz.local.testsupport.AcceptLaterNode;
import io.streamz.local.testsupport.Await;
import io.streamz.local.testsupport.ReportedErrors;
import org.junit.jupiter.api.Test;

import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IterableSourceTest {
    @Test
    void emitsEveryItemInOrderOnceStartedThenStops() {
        // streamz: Stream.from_iterable(range(3)); L = source.sink_to_list(); source.start() -> [0, 1, 2]
        Source<Integer> source = Stream.fromIterable(List.of(0, 1, 2));
        List<Integer> results = source.sinkToList();
        assertFalse(source.isRunning());
        assertEquals(List.of(), results, "nothing before start()");

        source.start();
        Await.drained(source);
        assertEquals(List.of(0, 1, 2), results);
        assertFalse(source.isRunning(), "it stops at the end");
    }

    @Test
    void emitsOnAThreadOfItsOwn() {
        Source<Integer> source = Stream.fromIterable(List.of(1));
        List<Thread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
        source.sink(x -> threads.add(Thread.currentThread()));
        source.start();
        Await.drained(source);
        assertNotEquals(Thread.currentThread(), threads.get(0));
    }

    @Test
    void waitsForDownstreamToAcceptEachItem() {
        Source<Integer> source = Stream.fromIterable(List.of(1, 2, 3));
        AcceptLaterNode slow = AcceptLaterNode.after(source);
        source.start();
        Await.until(() -> slow.received().size() == 1);
        assertEquals(List.of(1), slow.received(), "2 waits until 1 was accepted");
        assertTrue(source.isRunning());
        slow.accept(0);
        Await.until(() -> slow.received().size() == 2);
        slow.accept(1);
        Await.until(() -> slow.received().size() == 3);
        slow.accept(2);
        Await.drained(source);
        assertEquals(List.of(1, 2, 3), slow.received());
    }

    @Test
    void stopPausesAfterTheItemInProgressAndStartResumes() {
        Source<Integer> source = Stream.fromIterable(IntStream.range(0, 10).boxed().toList());
        List<Integer> results = new java.util.concurrent.CopyOnWriteArrayList<>();
        source.sink(x -> {
            results.add(x);
            if (x == 3) {
                source.stop();
            }
        });
        source.start();
        Await.drained(source);
        assertEquals(List.of(0, 1, 2, 3), results);
        assertFalse(source.isRunning());

        source.start();
        Await.drained(source);
        assertEquals(IntStream.range(0, 10).boxed().toList(), results);
    }

    @Test
    void aStartAfterTheEndIteratesAgainAsStreamzDoes() {
        Source<Integer> source = Stream.fromIterable(List.of(1, 2));
        List<Integer> results = source.sinkToList();
        source.start();
        Await.drained(source);
        source.start();
        Await.drained(source);
        assertEquals(List.of(1, 2, 1, 2), results);
    }

    @Test
    void aDownstreamExceptionIsReportedAndTheSourceGoesOn() {
        try (ReportedErrors errors = ReportedErrors.install()) {
            Source<Integer> source = Stream.fromIterable(List.of(5, 0, 2));
            List<Integer> results = source.map(x -> 10 / x).sinkToList();
            source.start();
            Await.drained(source);
            assertEquals(List.of(2, 5), results);
            assertEquals(1, errors.reports().size());
            assertInstanceOf(ArithmeticException.class, errors.errors().get(0));
            assertEquals(source, errors.reports().get(0).where());
        }
    }

    @Test
    void aFailingIteratorIsReportedAndEndsTheRun() {
        try (ReportedErrors errors = ReportedErrors.install()) {
            Iterable<Integer> broken = () -> new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return true;
                }

                @Override
                public Integer next() {
                    if (next == 2) {
                        throw new IllegalStateException("broken iterator");
                    }
                    return next++;
                }
            };
            Source<Integer> source = Stream.fromIterable(broken);
            List<Integer> results = source.sinkToList();
            source.start();
            Await.drained(source);
            assertEquals(List.of(0, 1), results);
            assertFalse(source.isRunning());
            assertEquals("broken iterator", errors.errors().get(0).getMessage());
        }
    }

    @Test
    void startAfterDestroyFails() {
        Source<Integer> source = Stream.fromIterable(List.of(1));
        source.destroy();
        assertThrows(IllegalStateException.class, source::start);
    }

    @Test
    void aNullIterableFailsWhenBuilt() {
        assertEquals("fromIterable items must not be null",
                assertThrows(NullPointerException.class, () -> Stream.fromIterable(null)).getMessage());
    }

    @Test
    void toStringNamesTheSourceAsStreamzDoes() {
        assertEquals("<from_iterable>", Stream.fromIterable(List.of()).toString());
    }
}
