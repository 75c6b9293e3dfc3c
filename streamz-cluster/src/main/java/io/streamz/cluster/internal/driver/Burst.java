package io.streamz.cluster.internal.driver;

import java.util.ArrayList;

/**
 * A batch coming back completes many handles at once, and each may make an element ready for the
 * next cluster step. Inside a burst, the steps' dispatchers defer their pumps to its end, so that the
 * elements that became ready together leave together, in one task, instead of one by one.
 */
final class Burst {
    private static final ThreadLocal<ArrayList<Runnable>> DEFERRED = new ThreadLocal<>();

    private Burst() {
    }

    /**
     * Runs {@code body}, then the actions deferred meanwhile on this thread. Every deferred action runs
     * even when the body or an earlier action throws (a pump left out would leave its elements waiting
     * for good); the first failure is then rethrown, later ones suppressed in it.
     */
    public static void run(Runnable body) {
        if (DEFERRED.get() != null) {
            body.run();
            return;
        }
        ArrayList<Runnable> deferred = new ArrayList<>();
        DEFERRED.set(deferred);
        RuntimeException failure = null;
        try {
            body.run();
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            DEFERRED.remove();
        }
        for (Runnable action : deferred) {
            try {
                action.run();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Whether this thread is in a burst: a callback thread completing handles, which must never wait. */
    static boolean active() {
        return DEFERRED.get() != null;
    }

    /** Runs {@code action} now, or once at the end of the burst this thread is in. */
    public static void runOrDefer(Runnable action) {
        ArrayList<Runnable> deferred = DEFERRED.get();
        if (deferred == null) {
            action.run();
            return;
        }
        for (Runnable queued : deferred) {
            if (queued == action) {
                return;
            }
        }
        deferred.add(action);
    }
}
