package io.streamz.local.testsupport;

import io.streamz.Stream;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waiting for work done on worker threads. The time limit only keeps a deadlock from hanging the
 * build; it is not a timing assertion.
 */
public final class Await {
    private static final long GUARD_SECONDS = 20;

    private Await() {
    }

    /** The value of {@code future}; an {@link AssertionError} when it failed or never completes. */
    public static <V> V done(CompletableFuture<V> future) {
        try {
            return future.get(GUARD_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("the future failed", e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("the future did not complete: deadlock?", e);
        }
    }

    /** The exception {@code future} failed with; an {@link AssertionError} when it succeeded. */
    public static Throwable failure(CompletableFuture<?> future) {
        try {
            future.get(GUARD_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("the future did not complete: deadlock?", e);
        }
        throw new AssertionError("the future succeeded where a failure was expected");
    }

    /** Waits until {@code condition} holds, checking every 0.1 ms: for events on another thread with nothing to wait on. */
    public static void until(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GUARD_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the condition never held: deadlock?");
            }
            LockSupport.parkNanos(100_000);
        }
    }

    /** Waits until everything emitted into {@code stream} so far has gone through (see {@code drain}). */
    public static void drained(Stream<?> stream) {
        done(stream.drainAsync());
    }
}
