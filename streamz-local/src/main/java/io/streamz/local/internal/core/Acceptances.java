package io.streamz.local.internal.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The acceptances still pending when one update emits to several places (a node with several
 * downstreams, {@code flatten}, {@code zipLatest}): what the update returns completes when all of
 * them have. Holds a list only when two or more are pending. One update's, on its thread.
 */
public final class Acceptances {
    private CompletableFuture<?> first;
    private List<CompletableFuture<?>> more;

    /**
     * Whether what {@code update} returned means the element was accepted already: {@code null}, or a
     * future done without failure. A failed future still counts as pending, so that its failure
     * reaches whoever waits on {@link #all()}.
     */
    public static boolean acceptedNow(CompletableFuture<?> accepted) {
        return accepted == null || (accepted.isDone() && !accepted.isCompletedExceptionally());
    }

    /** Adds what {@code update} or {@code emitDownstream} returned. */
    public void add(CompletableFuture<?> accepted) {
        if (acceptedNow(accepted)) {
            return;
        }
        if (first == null) {
            first = accepted;
            return;
        }
        if (more == null) {
            more = new ArrayList<>();
            more.add(first);
        }
        more.add(accepted);
    }

    /** {@code null} when every emission was accepted, else a future completing when all are. */
    public CompletableFuture<?> all() {
        return more == null ? first : CompletableFuture.allOf(more.toArray(CompletableFuture[]::new));
    }

    @Override
    public String toString() {
        int pending = more != null ? more.size() : first != null ? 1 : 0;
        return "Acceptances[" + pending + " pending]";
    }
}
