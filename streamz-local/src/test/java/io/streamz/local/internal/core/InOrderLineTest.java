package io.streamz.local.internal.core;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InOrderLineTest {
    private final InOrderLine<CompletableFuture<String>> line = new InOrderLine<>(CompletableFuture::isDone);

    @Test
    void anEmptyLineHasNothingReady() {
        assertNull(line.pollReady());
        assertTrue(line.isEmpty());
    }

    @Test
    void aReadyElementWaitsBehindAnUnreadyHeadAndLeavesRightAfterIt() {
        CompletableFuture<String> first = new CompletableFuture<>();
        CompletableFuture<String> second = CompletableFuture.completedFuture("second");
        line.add(first);
        line.add(second);

        assertNull(line.pollReady(), "the second is ready but the first is not");
        assertEquals(2, line.size());

        first.complete("first");
        assertSame(first, line.pollReady());
        assertSame(second, line.pollReady());
        assertNull(line.pollReady());
        assertTrue(line.isEmpty());
    }
}
