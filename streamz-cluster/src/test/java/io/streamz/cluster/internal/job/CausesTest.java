package io.streamz.cluster.internal.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The one walk down an exception's causes: the exception first, then its causes in order, ending on a
 * loop. The loop tests run on a thread of their own, so that a walk that never ends fails them.
 */
class CausesTest {

    @Test
    void findsTheOutermostCauseOfTheTypeAskedForTheExceptionItselfFirst() {
        IOException inner = new IOException("inner");
        UncheckedIOException middle = new UncheckedIOException("middle", new IOException("outer io", inner));
        CompletionException outer = new CompletionException(middle);

        assertSame(outer, Causes.first(outer, RuntimeException.class));
        assertSame(middle.getCause(), Causes.first(outer, IOException.class));
        assertNull(Causes.first(outer, InterruptedException.class));
        assertNull(Causes.first(null, IOException.class));
    }

    @Test
    void aTestSeesEachCauseOnceInOrderUntilItMatches() {
        IOException bottom = new IOException("bottom");
        RuntimeException top = new RuntimeException("top", new IllegalStateException("middle", bottom));
        List<String> seen = new ArrayList<>();

        Throwable found = Causes.first(top, e -> {
            seen.add(e.getMessage());
            return e.getMessage().startsWith("b");
        });

        assertSame(bottom, found);
        assertTrue(Causes.any(top, e -> e == bottom));
        assertFalse(Causes.any(top, e -> e instanceof InterruptedException));
        assertEquals(List.of("top", "middle", "bottom"), seen);
    }

    @Test
    @Timeout(value = 5, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aChainThatLoopsBackEndsTheWalkAfterLookingAtEveryCauseOnTheLoop() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b");
        RuntimeException c = new RuntimeException("c");
        IOException last = new IOException("last on the loop");
        a.initCause(b);
        b.initCause(c);
        c.initCause(last);
        last.initCause(b);

        assertSame(last, Causes.first(a, IOException.class));
        assertNull(Causes.first(a, InterruptedException.class), "the loop b, c, last, b... must end");
    }

    @Test
    @Timeout(value = 5, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void anExceptionThatIsItsOwnCauseIsLookedAtOnce() {
        LoopingException self = new LoopingException();
        List<Throwable> seen = new ArrayList<>();

        assertNull(Causes.first(self, e -> !seen.add(e)));
        assertSame(self, Causes.first(self, LoopingException.class));
    }

    /** Throwable forbids initCause(this): a subclass may still answer itself as its cause. */
    private static final class LoopingException extends RuntimeException {
        @Override
        public synchronized Throwable getCause() {
            return this;
        }
    }
}
