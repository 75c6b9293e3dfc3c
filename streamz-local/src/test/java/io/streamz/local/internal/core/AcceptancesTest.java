package io.streamz.local.internal.core;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AcceptancesTest {
    private final Acceptances acceptances = new Acceptances();

    @Test
    void nullAndSucceededFuturesAreAcceptedNowButAFailedOneStillCounts() {
        assertTrue(Acceptances.acceptedNow(null));
        assertTrue(Acceptances.acceptedNow(Futures.DONE));
        assertFalse(Acceptances.acceptedNow(new CompletableFuture<>()));
        assertFalse(Acceptances.acceptedNow(CompletableFuture.failedFuture(new IllegalStateException())),
                "its failure must reach whoever waits");
    }

    @Test
    void allIsNullWhenEveryEmissionWasAcceptedAtOnce() {
        acceptances.add(null);
        acceptances.add(Futures.DONE);

        assertNull(acceptances.all());
    }

    @Test
    void aSinglePendingAcceptanceIsReturnedItself() {
        CompletableFuture<Void> later = new CompletableFuture<>();
        acceptances.add(null);
        acceptances.add(later);
        acceptances.add(Futures.DONE);

        assertSame(later, acceptances.all());
    }

    @Test
    void severalPendingAcceptancesCompleteWhenAllHaveAndFailWhenOneFails() {
        CompletableFuture<Void> first = new CompletableFuture<>();
        CompletableFuture<Void> second = new CompletableFuture<>();
        acceptances.add(first);
        acceptances.add(second);
        CompletableFuture<?> all = acceptances.all();

        first.complete(null);
        assertFalse(all.isDone(), "the second is still pending");
        second.completeExceptionally(new IllegalStateException("boom"));
        assertTrue(all.isCompletedExceptionally());
    }
}
