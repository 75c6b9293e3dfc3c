package io.streamz.local.internal.ops;

import io.streamz.Stream;
import io.streamz.local.testsupport.AcceptLaterNode;
import io.streamz.local.testsupport.Await;
import io.streamz.local.testsupport.ReportedErrors;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatestNodeTest {
    private final Stream<Integer> source = Stream.create();

    @Test
    void passesEveryElementWhileDownstreamKeepsUp() {
        List<Integer> results = source.latest().sinkToList();
        for (int i = 0; i < 5; i++) {
            source.emit(i);
            Await.drained(source);
        }
        assertEquals(List.of(0, 1, 2, 3, 4), results);
    }

    @Test
    void whileDownstreamIsBusyOnlyTheMostRecentElementWaits() {
        AcceptLaterNode slow = AcceptLaterNode.after(source.latest());
        source.emit(1);
        Await.until(() -> slow.received().size() == 1);
        for (int i = 2; i <= 5; i++) {
            assertTrue(source.emitAsync(i).isDone(), "the emitter never waits");
        }
        slow.accept(0);
        Await.until(() -> slow.received().size() == 2);
        slow.accept(1);
        Await.drained(source);
        assertEquals(List.of(1, 5), slow.received(), "2, 3 and 4 were dropped; 5, the last, is delivered");
    }

    @Test
    void aDownstreamExceptionGoesToTheErrorHandler() {
        try (ReportedErrors errors = ReportedErrors.install()) {
            List<Integer> results = source.latest().map(x -> 10 / x).sinkToList();
            source.emit(0);
            Await.drained(source);
            source.emit(5);
            Await.drained(source);
            assertEquals(List.of(2), results);
            assertInstanceOf(ArithmeticException.class, errors.errors().get(0));
        }
    }

    @Test
    void toStringNamesTheOperator() {
        assertEquals("<latest>", source.latest().toString());
    }
}
