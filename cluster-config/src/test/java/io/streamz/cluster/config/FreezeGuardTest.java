package io.streamz.cluster.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamz.cluster.config.FreezeGuard.NodeView;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** When a server that comes back from a freeze halts itself: only when the others must have dropped it. */
class FreezeGuardTest {
    private static final long TICK = TimeUnit.MILLISECONDS.toNanos(FreezeGuard.TICK_MILLIS);
    private final AtomicReference<Optional<NodeView>> node = new AtomicReference<>(Optional.of(new NodeView(2, 5_000)));
    private final FreezeGuard guard = new FreezeGuard(node::get);

    @Test
    void aFreezeLongerThanTwiceTheFailureDetectionTimeoutAmongOtherServersHaltsSayingWhy() {
        assertEquals(Optional.empty(), guard.tick(TICK));

        String reason = guard.tick(TICK + TimeUnit.SECONDS.toNanos(20)).orElseThrow();

        assertTrue(reason.contains("frozen for 20.0 s"), reason);
        assertTrue(reason.contains("failureDetectionTimeout (5000 ms)"), reason);
        assertTrue(reason.contains("the 2 other server(s) have dropped this node"), reason);
    }

    @Test
    void aShorterStallDoesNotHaltAsTheOthersMayStillHaveTheNode() {
        guard.tick(TICK);

        assertEquals(Optional.empty(), guard.tick(TICK + TimeUnit.SECONDS.toNanos(10)));
        assertEquals(Optional.empty(), guard.tick(TICK + TimeUnit.SECONDS.toNanos(6)));
    }

    @Test
    void aLoneServerIsNeverHaltedAsNobodyCanHaveDroppedIt() {
        node.set(Optional.of(new NodeView(0, 5_000)));
        guard.tick(TICK);

        assertEquals(Optional.empty(), guard.tick(TimeUnit.SECONDS.toNanos(60)));
    }

    @Test
    void theServersCountedAreThoseBeforeTheFreezeNotThoseSeenOnResume() {
        guard.tick(TICK);
        // On resume the node may already see itself alone, having dropped the others in turn.
        node.set(Optional.of(new NodeView(0, 5_000)));

        assertTrue(guard.tick(TimeUnit.SECONDS.toNanos(30)).isPresent());
    }

    @Test
    void nothingHaltsBeforeTheNodeHasStarted() {
        node.set(Optional.empty());
        guard.tick(TICK);

        assertEquals(Optional.empty(), guard.tick(TimeUnit.SECONDS.toNanos(60)));
    }

    /**
     * A CI run halted nodes of healthy clusters: the guard measured from one tick to the next, so a tick whose read of
     * the node waited (Ignite starting and joining, 15 s on a busy machine) looked like a freeze. Only the sleep counts.
     */
    @Test
    void aReadOfTheNodeThatWaitsIsNotAFreeze() throws InterruptedException {
        AtomicLong clock = new AtomicLong();
        FreezeGuard slowRead = new FreezeGuard(() -> {
            clock.addAndGet(TimeUnit.SECONDS.toNanos(15));
            return node.get();
        });
        FreezeGuard.Sleep halfASecond = () -> clock.addAndGet(TICK);

        for (int round = 0; round < 3; round++)
            assertEquals(Optional.empty(), slowRead.round(clock::get, halfASecond));
    }

    @Test
    void aSleepThatEndsTwentySecondsLateIsAFreeze() throws InterruptedException {
        AtomicLong clock = new AtomicLong();
        guard.round(clock::get, () -> clock.addAndGet(TICK));

        assertTrue(guard.round(clock::get, () -> clock.addAndGet(TICK + TimeUnit.SECONDS.toNanos(20))).isPresent());
    }

    @Test
    void aFreezeWhileTheNodeStartedAloneIsNotMeasuredAgainstPeersItNeverHad() {
        node.set(Optional.empty());

        assertEquals(Optional.empty(), guard.tick(TimeUnit.SECONDS.toNanos(60)));
    }
}
