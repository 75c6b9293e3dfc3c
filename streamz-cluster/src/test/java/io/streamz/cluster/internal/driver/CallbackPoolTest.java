package io.streamz.cluster.internal.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamz.local.internal.core.WorkerThreads;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CallbackPoolTest {
    private final CallbackPool pool = new CallbackPool(runnable -> {
        Thread thread = new Thread(runnable, "test-callback");
        thread.setDaemon(true);
        return thread;
    });

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void aTaskLeftByACallbackRunsOnItsThreadRightAfterIt() throws Exception {
        List<String> steps = new CopyOnWriteArrayList<>();
        CompletableFuture<Thread> callbackThread = new CompletableFuture<>();
        CompletableFuture<Thread> leftThread = new CompletableFuture<>();
        pool.execute(() -> {
            assertTrue(pool.runNext(() -> {
                steps.add("left task");
                leftThread.complete(Thread.currentThread());
            }));
            steps.add("rest of the callback");
            callbackThread.complete(Thread.currentThread());
        });

        assertSame(callbackThread.get(10, TimeUnit.SECONDS), leftThread.get(10, TimeUnit.SECONDS));
        assertEquals(List.of("rest of the callback", "left task"), steps);
    }

    @Test
    void aCallbackLeavesOneTaskAtMostAndOtherThreadsNone() throws Exception {
        CompletableFuture<Boolean> second = new CompletableFuture<>();
        CountDownLatch firstRan = new CountDownLatch(1);
        pool.execute(() -> {
            pool.runNext(firstRan::countDown);
            second.complete(pool.runNext(() -> { }));
        });

        assertFalse(second.get(10, TimeUnit.SECONDS), "a second task would wait behind the first, which may block");
        assertTrue(firstRan.await(10, TimeUnit.SECONDS));
        assertFalse(pool.runNext(() -> { }), "the test's thread is not a callback thread");
    }

    @Test
    void aLeftTaskMayLeaveTheNext() throws Exception {
        CountDownLatch last = new CountDownLatch(1);
        CompletableFuture<Thread> callbackThread = new CompletableFuture<>();
        CompletableFuture<Thread> lastThread = new CompletableFuture<>();
        pool.execute(() -> {
            callbackThread.complete(Thread.currentThread());
            pool.runNext(() -> pool.runNext(() -> {
                lastThread.complete(Thread.currentThread());
                last.countDown();
            }));
        });

        assertTrue(last.await(10, TimeUnit.SECONDS));
        assertSame(callbackThread.get(), lastThread.get());
    }

    @Test
    void theTaskLeftByAFailingTaskStillRunsOnAnotherThread() throws Exception {
        CompletableFuture<Thread> failingThread = new CompletableFuture<>();
        CompletableFuture<Thread> leftThread = new CompletableFuture<>();
        pool.execute(() -> pool.runNext(() -> {
            failingThread.complete(Thread.currentThread());
            pool.runNext(() -> leftThread.complete(Thread.currentThread()));
            throw new IllegalStateException("a send failed unexpectedly");
        }));

        assertNotSame(failingThread.get(10, TimeUnit.SECONDS), leftThread.get(10, TimeUnit.SECONDS));
    }

    @Test
    void aWorkerResumedByACallbackGoesOnOnItsThreadAloneAfterIt() throws Exception {
        List<String> steps = new CopyOnWriteArrayList<>();
        CompletableFuture<Thread> callbackThread = new CompletableFuture<>();
        CompletableFuture<Thread> workerThread = new CompletableFuture<>();
        CompletableFuture<Boolean> workerCouldLeaveATask = new CompletableFuture<>();
        pool.execute(() -> {
            WorkerThreads.resume(() -> {
                steps.add("worker");
                workerThread.complete(Thread.currentThread());
                workerCouldLeaveATask.complete(pool.runNext(() -> steps.add("left by the worker")));
            });
            steps.add("rest of the callback");
            callbackThread.complete(Thread.currentThread());
        });

        assertSame(callbackThread.get(10, TimeUnit.SECONDS), workerThread.get(10, TimeUnit.SECONDS));
        assertFalse(workerCouldLeaveATask.get(10, TimeUnit.SECONDS), "a send would wait for the worker's elements");
        assertEquals(List.of("rest of the callback", "worker"), steps);
    }

    @Test
    void aWorkerResumedWhenTheCallbackLeftATaskAlreadyGoesToAWorkerThread() throws Exception {
        CompletableFuture<Thread> callbackThread = new CompletableFuture<>();
        CompletableFuture<Thread> workerThread = new CompletableFuture<>();
        pool.execute(() -> {
            callbackThread.complete(Thread.currentThread());
            pool.runNext(() -> { });
            WorkerThreads.resume(() -> workerThread.complete(Thread.currentThread()));
        });

        assertNotSame(callbackThread.get(10, TimeUnit.SECONDS), workerThread.get(10, TimeUnit.SECONDS));
        assertTrue(workerThread.get().getName().startsWith("streamz-worker-"), workerThread.get().getName());
    }
}
