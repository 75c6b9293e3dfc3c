package io.streamz.cluster.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamz.cluster.config.FreezeGuard.NodeView;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** When a server that comes back from a freeze halts itself: only when the others must have dropped it. */
class FreezeGuardTest {
    private static final long TICK = TimeUnit.MILLISECONDS.toNanos(FreezeGuard.TICK_MILLIS);
    private final AtomicReference<Optional<NodeView>> node = new AtomicReference<>(Optional.of(new NodeView(2, 5_000)));
    private final FreezeGuard guard = new FreezeGuard(node::get);

    @Test
    void aFreezeLongerThanTwiceTheFailureDetectionTimeoutAmongOtherServersHaltsSayingWhy() {
        assertEquals(Optional.empty(), guard.tick(0));
        assertEquals(Optional.empty(), guard.tick(TICK));

        String reason = guard.tick(TICK + TimeUnit.SECONDS.toNanos(20)).orElseThrow();

        assertTrue(reason.contains("frozen for 20.0 s"), reason);
        assertTrue(reason.contains("failureDetectionTimeout (5000 ms)"), reason);
        assertTrue(reason.contains("the 2 other server(s) have dropped this node"), reason);
    }

    @Test
    void aShorterStallDoesNotHaltAsTheOthersMayStillHaveTheNode() {
        guard.tick(0);

        assertEquals(Optional.empty(), guard.tick(TimeUnit.SECONDS.toNanos(10)));
        assertEquals(Optional.empty(), guard.tick(TimeUnit.SECONDS.toNanos(19)));
    }

    @Test
    void aLoneServerIsNeverHaltedAsNobodyCanHaveDroppedIt() {
        node.set(Optional.of(new NodeView(0, 5_000)));
        guard.tick(0);

        assertEquals(Optional.empty(), guard.tick(TimeUnit.SECONDS.toNanos(60)));
    }

    @Test
    void theServersCountedAreThoseBeforeTheFreezeNotThoseSeenOnResume() {
        guard.tick(0);
        // On resume the node may already see itself alone, having dropped the others in turn.
        node.set(Optional.of(new NodeView(0, 5_000)));

        assertTrue(guard.tick(TimeUnit.SECONDS.toNanos(30)).isPresent());
    }

    @Test
    void nothingHaltsBeforeTheNodeHasStarted() {
        node.set(Optional.empty());
        guard.tick(0);

        assertEquals(Optional.empty(), guard.tick(TimeUnit.SECONDS.toNanos(60)));
    }

    @Test
    void aFreezeBeforeTheFirstTickIsNotMeasured() {
        assertEquals(Optional.empty(), guard.tick(TimeUnit.SECONDS.toNanos(60)));
    }
}
