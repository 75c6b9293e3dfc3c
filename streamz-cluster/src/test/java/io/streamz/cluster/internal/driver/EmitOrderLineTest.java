package io.streamz.cluster.internal.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamz.cluster.ClusterUnavailableException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmitOrderLineTest {
    private static final byte[] ENCODED = {0};

    private final Object lock = new Object();
    private final ClusterUnavailableException closedError = new ClusterUnavailableException("test-cluster is closed", null);
    private boolean closed;
    private int pumps;
    private final EmitOrderLine line = new EmitOrderLine(() -> closed, () -> closedError, lock, () -> pumps++);

    private static Handle inline(Object value) {
        return Handle.inline(value, ENCODED);
    }

    private Handle submit(Object input) {
        Handle output = new Handle();
        line.submit(input, output);
        return output;
    }

    private List<Item> takeReady(List<Item> settled) {
        synchronized (lock) {
            return line.takeReady(settled);
        }
    }

    private static List<Object> inputs(List<Item> items) {
        List<Object> inputs = new ArrayList<>();
        items.forEach(item -> inputs.add(item.input));
        return inputs;
    }

    @Test
    void readyElementsLeaveInEmitOrderAndNoneOvertakesAHeadThatIsNotReady() {
        Handle pending = new Handle();
        List<Handle> first = List.of(pending); // a zip's input: ready once every part is
        Handle second = inline(2);
        submit(first);
        submit(second);
        List<Item> settled = new ArrayList<>();

        assertEquals(List.of(), takeReady(settled), "the second waits for the first");

        pending.markAbsent();
        assertEquals(List.of(first, second), inputs(takeReady(settled)));
        assertEquals(List.of(), settled);
        synchronized (lock) {
            assertTrue(line.isEmpty());
        }
    }

    @Test
    void thePumpRunsAsEachInputCompletesAndOnceForAllThatCompleteInOneBurst() {
        Handle a = new Handle();
        Handle b = new Handle();
        submit(List.of(a));
        submit(List.of(b));
        submit(inline(3));
        assertEquals(1, pumps, "the inline one was ready at once");

        Burst.run(() -> {
            a.markAbsent();
            b.markAbsent();
        });

        assertEquals(2, pumps, "a batch coming back completes many handles: one task for them all");
    }

    @Test
    void aTaskTakesAtMostTheLargestBatch() {
        for (int i = 0; i <= BatchPolicy.MAX_BATCH; i++) {
            submit(inline(i));
        }

        assertEquals(BatchPolicy.MAX_BATCH, takeReady(new ArrayList<>()).size());
        assertEquals(1, takeReady(new ArrayList<>()).size());
    }

    @Test
    void aFailedOrFilteredOutInputNeedsNoTaskAndPassesItsFailureOrAbsenceOn() {
        IllegalStateException failure = new IllegalStateException("the map before failed");
        Handle filteredOut = new Handle();
        filteredOut.markAbsent();
        Handle failedOutput = submit(Handle.failed(failure));
        Handle absentOutput = submit(filteredOut);
        Handle sent = inline(3);
        submit(sent);
        List<Item> settled = new ArrayList<>();

        assertEquals(List.of(sent), inputs(takeReady(settled)));
        line.settle(settled);

        assertSame(failure, failedOutput.failure());
        assertTrue(absentOutput.isAbsent());
    }

    @Test
    void onceTheClusterIsClosedEveryReadyElementFailsWithTheClosedError() {
        Handle a = submit(inline(1));
        Handle b = submit(inline(2));
        closed = true;
        List<Item> settled = new ArrayList<>();

        assertEquals(List.of(), takeReady(settled));
        line.settle(settled);

        assertSame(closedError, a.failure());
        assertSame(closedError, b.failure());
    }

    @Test
    void drainEmptiesTheLineAndHandsBackEveryElementReadyOrNot() {
        Handle pending = new Handle();
        submit(List.of(pending));
        submit(inline(2));

        synchronized (lock) {
            assertEquals(2, line.drain().size());
            assertTrue(line.isEmpty());
        }
        pending.markAbsent();
        assertEquals(List.of(), takeReady(new ArrayList<>()));
    }
}
