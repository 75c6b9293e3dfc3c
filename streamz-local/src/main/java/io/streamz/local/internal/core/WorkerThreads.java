package io.streamz.local.internal.core;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

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

    /**
     * On a thread of another pool that may run a resumed worker right after its current task (see
     * {@link #allowResumingHere}): how to leave it that worker; {@code null} on other threads.
     */
    private static final ThreadLocal<Predicate<Runnable>> RESUME_HERE = new ThreadLocal<>();

    /** Runs {@code task} on a pool thread. */
    public static void execute(Runnable task) {
        POOL.execute(task);
    }

    /**
     * Lets a {@link Worker} that downstream resumes on the calling thread ({@link #resume}) go on on
     * this thread, right after its current task, instead of waking a pool thread: for the threads of
     * another pool whose tasks complete downstream futures (the cluster's callback threads, which
     * complete a {@code gather}'s elements). {@code runNext} takes the worker's run, or answers
     * {@code false} when it cannot take one now.
     */
    public static void allowResumingHere(Predicate<Runnable> runNext) {
        RESUME_HERE.set(runNext);
    }

    /**
     * Runs a worker that downstream just accepted an element of: on the calling thread once its current
     * task ends when it allows that ({@link #allowResumingHere}), else on a pool thread. On a small
     * machine the hand-over to another thread is what a small window waits for most.
     */
    public static void resume(Runnable worker) {
        Predicate<Runnable> here = RESUME_HERE.get();
        if (here == null || !here.test(worker)) {
            POOL.execute(worker);
        }
    }
}
