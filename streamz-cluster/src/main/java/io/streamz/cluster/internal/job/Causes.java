package io.streamz.cluster.internal.job;

import java.util.function.Predicate;

/**
 * Walks an exception's cause chain (the exception itself first) for the first cause of a type or
 * matching a test: the one walk that the driver's retries, the jobs, the join and the Kafka reader
 * share. A chain that loops back on itself ({@code initCause} allows it) ends the walk once every
 * cause on the loop was looked at. Stateless; any thread.
 */
public final class Causes {
    private Causes() {
    }

    /** The first of {@code error} and its causes that is a {@code type}, or {@code null} ({@code error} may be {@code null}). */
    public static <T extends Throwable> T first(Throwable error, Class<T> type) {
        return type.cast(first(error, type::isInstance));
    }

    /** The first of {@code error} and its causes that {@code test} accepts, or {@code null} ({@code error} may be {@code null}). */
    public static Throwable first(Throwable error, Predicate<? super Throwable> test) {
        // Floyd's cycle check: a second pointer at half speed meets the first only on a loop, so a walk
        // needs no set of the causes seen (it runs for each failed element on some paths).
        Throwable slow = error;
        int steps = 0;
        for (Throwable e = error; e != null; ) {
            if (test.test(e)) {
                return e;
            }
            e = e.getCause();
            if (++steps % 2 == 0) {
                slow = slow.getCause();
            }
            if (e == slow) {
                return null;
            }
        }
        return null;
    }

    /** Whether {@code test} accepts {@code error} or one of its causes. */
    public static boolean any(Throwable error, Predicate<? super Throwable> test) {
        return first(error, test) != null;
    }
}
