package io.streamz.cluster.internal.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
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

    @Test
    void theValueOfAnInputStillOnTheDriverOrFilteredOutIsKnownWithoutARead() {
        Handle absent = new Handle();
        absent.markAbsent();

        assertEquals(7, GatherValues.of(Handle.inline(7, new byte[] {0})).join());
        assertSame(GatherValues.SKIP, GatherValues.of(absent).join());
    }

    @Test
    void aPendingResultsValueIsKnownOnceItsTaskAnswered() {
        Handle pending = new Handle();
        CompletableFuture<Object> value = GatherValues.of(pending);
        assertFalse(value.isDone());

        pending.markAbsent();

        assertSame(GatherValues.SKIP, value.join());
    }

    @Test
    void aFailedElementFailsWithTheUsersOriginalException() {
        IllegalArgumentException original = new IllegalArgumentException("boom");

        CompletableFuture<Object> value = GatherValues.of(Handle.failed(original));

        assertSame(original, assertThrows(ExecutionException.class, value::get).getCause());
    }

    @Test
    void aListOfHandlesBecomesTheListOfTheirValuesWithoutTheFilteredOutOnesNullsIncluded() {
        Handle absent = new Handle();
        absent.markAbsent();
        List<Handle> window = List.of(Handle.inline(1, new byte[] {0}), absent, Handle.inline(null, new byte[] {0}));

        assertEquals(Arrays.asList(1, null), GatherValues.of(window).join());
    }

    @Test
    void aListHoldingAFailedElementFailsAsIt() {
        IllegalStateException original = new IllegalStateException("one of the window failed");
        List<Handle> window = List.of(Handle.inline(1, new byte[] {0}), Handle.failed(original));

        assertSame(original, assertThrows(ExecutionException.class, GatherValues.of(window)::get).getCause());
    }
}
