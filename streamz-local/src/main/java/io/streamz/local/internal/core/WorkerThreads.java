package io.streamz.local.internal.core;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that every {@link Worker} and source runs on: one cached pool of daemon threads shared
 * by all streams, so an idle stream costs no thread and a stream never keeps the JVM alive.
 * Ordering is not the pool's business: each worker runs at most one task at a time.
 */
public final class WorkerThreads {
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final ExecutorService POOL = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "streamz-worker-" + COUNT.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private WorkerThreads() {
    }

    /** Runs {@code task} on a pool thread. */
    public static void execute(Runnable task) {
        POOL.execute(task);
    }
}
