package io.streamz.local.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The acceptances still pending when one update emits several elements downstream ({@code flatten},
 * {@code zipLatest}): what the update returns completes when all of them have. Holds a list only when
 * two or more are pending.
 */
final class Acceptances {
    private CompletableFuture<?> first;
    private List<CompletableFuture<?>> more;

    /** Adds what {@code emitDownstream} returned. */
    void add(CompletableFuture<?> accepted) {
        if (accepted == null || (accepted.isDone() && !accepted.isCompletedExceptionally())) {
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
    CompletableFuture<?> all() {
        return more == null ? first : CompletableFuture.allOf(more.toArray(CompletableFuture[]::new));
    }
}
