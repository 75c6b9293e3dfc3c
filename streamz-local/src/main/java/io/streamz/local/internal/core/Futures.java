package io.streamz.local.internal.core;

import io.streamz.function.UserFunctionException;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Waiting on the futures of the back-pressure protocol and unwrapping what they failed with. */
public final class Futures {
    /** An accepted element, shared. */
    public static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private Futures() {
    }

    /** Blocks until {@code accepted} completes; rethrows its failure as the original exception. */
    public static void await(CompletableFuture<?> accepted) {
        if (accepted == null) {
            return;
        }
        try {
            accepted.get();
        } catch (ExecutionException e) {
            throw rethrowable(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the stream to accept an element", e);
        }
    }

    /** The original exception behind a future's failure: unchecked as is, checked wrapped once. */
    public static RuntimeException rethrowable(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof Error error) {
            throw error;
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        return new UserFunctionException(cause);
    }

    /**
     * The original exception inside the {@link CompletionException} and {@link ExecutionException}
     * wrappers that futures put around it ({@code error} itself when it is no wrapper, or a wrapper
     * with no cause). Any thread.
     */
    public static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** {@code accepted} as a {@code CompletableFuture<Void>}, {@link #DONE} for {@code null}. */
    @SuppressWarnings("unchecked")
    public static CompletableFuture<Void> toVoid(CompletableFuture<?> accepted) {
        if (accepted == null) {
            return DONE;
        }
        return accepted.thenApply(ignored -> (Void) null);
    }
}
