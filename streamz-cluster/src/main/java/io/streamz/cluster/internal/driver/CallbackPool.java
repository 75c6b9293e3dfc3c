package io.streamz.cluster.internal.driver;

import io.streamz.local.internal.core.WorkerThreads;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The driver's callback threads: a cached pool (a thread per callback running at once; a thread idle
 * for a minute ends) whose callbacks may each leave one task to run on their own thread right after
 * they end ({@link #runNext}), instead of waking another thread for it. A callback that sends a task
 * while a dispatcher holds its lock thus sends it as soon as it is done, with no thread hand-over:
 * on a small machine, hand-overs (context switches) are what bounds the throughput of small windows.
 * Only one task waits per callback, so a send that blocks (its server gone) holds up no other send.
 * A local worker that a callback resumes (a {@code buffer} before a {@code gather}) goes on the same
 * way, on the thread of the callback that completed its element.
 */
final class CallbackPool extends ThreadPoolExecutor {
    private static final long KEEP_ALIVE_SECONDS = 60;

    /** In the slot while a worker runs there: nothing may be left to run after it. */
    private static final Runnable TAKEN = () -> {
    };

    /** On this pool's threads, the task to run once the current callback ends, in slot 0; empty otherwise. */
    private final ThreadLocal<Runnable[]> next = new ThreadLocal<>();

    CallbackPool(ThreadFactory threads) {
        super(0, Integer.MAX_VALUE, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS, new SynchronousQueue<>(), threads);
    }

    /**
     * Leaves {@code task} to run on the calling thread once its callback ends; {@code false} when the
     * caller is not one of this pool's threads, or its callback left a task already: run it elsewhere.
     */
    boolean runNext(Runnable task) {
        Runnable[] slot = next.get();
        if (slot == null || slot[0] != null) {
            return false;
        }
        slot[0] = task;
        return true;
    }

    /**
     * Leaves a local worker (a {@code buffer}'s, which a callback resumed by completing the element it
     * waited for: see {@link WorkerThreads#resume}) to run on the calling thread once its callback
     * ends, as {@link #runNext} does: that saves waking a worker thread, once per task's answer in a
     * cluster pipeline with a buffer before its gather. The worker may emit many elements: it runs
     * alone, and a task it would leave here (a send) runs on another thread instead of waiting for it.
     */
    private boolean runWorkerNext(Runnable worker) {
        return runNext(() -> {
            Runnable[] slot = next.get();
            slot[0] = TAKEN;
            try {
                worker.run();
            } finally {
                slot[0] = null;
            }
        });
    }

    @Override
    protected void beforeExecute(Thread thread, Runnable callback) {
        if (next.get() == null) {
            next.set(new Runnable[1]);
            WorkerThreads.allowResumingHere(this::runWorkerNext);
        }
    }

    /** Runs the task the callback left, and the one that task left, and so on. */
    @Override
    protected void afterExecute(Runnable callback, Throwable failure) {
        Runnable[] slot = next.get();
        Runnable task = slot[0];
        while (task != null) {
            slot[0] = null;
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                // This thread ends with it: the task it left must still run.
                Runnable left = slot[0];
                slot[0] = null;
                if (left != null) {
                    runElsewhere(left);
                }
                throw e;
            }
            task = slot[0];
        }
    }

    /** Runs {@code task} on another thread of this pool, or on the caller's once the pool is shut down. */
    void runElsewhere(Runnable task) {
        try {
            execute(task);
        } catch (RejectedExecutionException shutDown) {
            task.run();
        }
    }

    @Override
    public String toString() {
        return "CallbackPool[" + getPoolSize() + " threads, " + getActiveCount() + " running]";
    }
}
