package io.streamz.cluster.ignite.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

class GatherValuesTest {

    @Test
    void aValueStillOnTheDriverIsKnownAtOnce() {
        assertEquals(7, GatherValues.now(Handle.inline(7, new byte[] {0})));
    }

    @Test
    void aFilteredOutElementIsKnownAtOnceAsNothingToEmit() {
        Handle handle = new Handle();
        handle.markAbsent();

        assertSame(GatherValues.SKIP, GatherValues.now(handle));
    }

    @Test
    void aPendingResultAFailureAndAListAreLeftToTheFutures() {
        Handle failed = Handle.failed(new IllegalArgumentException("boom"));

        assertSame(GatherValues.LATER, GatherValues.now(new Handle()), "pending");
        assertSame(GatherValues.LATER, GatherValues.now(failed), "failed: its inputs must be released");
        assertSame(GatherValues.LATER, GatherValues.now(List.of(Handle.inline(1, new byte[] {0}))), "a List of handles");
    }
}
