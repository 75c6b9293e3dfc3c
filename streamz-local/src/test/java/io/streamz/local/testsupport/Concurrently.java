package io.streamz.local.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs tasks on threads of their own, released together, and rethrows the first failure. */
public final class Concurrently {
    private Concurrently() {
    }

    public static void run(Runnable... tasks) {
        ExecutorService threads = Executors.newFixedThreadPool(tasks.length);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Runnable task : tasks) {
                running.add(threads.submit(() -> {
                    start.await();
                    task.run();
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : running) {
                // A guard against a deadlock hanging the build, not a timing assertion.
                future.get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            throw new AssertionError("a concurrent task failed", e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("concurrent tasks did not finish: deadlock?", e);
        } finally {
            threads.shutdownNow();
        }
    }
}
