package io.streamz.local.internal.core;

import io.streamz.Stream;
import io.streamz.local.testsupport.AcceptLaterNode;
import io.streamz.local.testsupport.Await;
import io.streamz.local.testsupport.ReportedErrors;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkerTest {
    private final Stream<Object> node = Stream.create();
    private final Worker worker = new Worker(Node.asNode(node));

    @Test
    void emitsInSubmissionOrder() {
        List<Object> results = node.sinkToList();
        for (int i = 0; i < 100; i++) {
            worker.hold(1);
            assertNull(worker.submit(i, 1), "an unbounded worker always has room");
        }
        Await.done(worker.idle());
        assertEquals(100, results.size());
        for (int i = 0; i < 100; i++) {
            assertEquals(i, results.get(i));
        }
    }

    @Test
    void aFailureGoesToTheOutcomeWhenSomeoneWaitsElseToTheHandler() {
        IllegalStateException boom = new IllegalStateException("boom");
        node.sink(x -> {
            throw boom;
        });
        try (ReportedErrors errors = ReportedErrors.install()) {
            CompletableFuture<Void> awaited = new CompletableFuture<>();
            worker.submit("a", 0, awaited, Worker.FailureRoute.TO_OUTCOME);
            assertSame(boom, Await.failure(awaited));

            CompletableFuture<Void> tracked = new CompletableFuture<>();
            worker.submit("b", 0, tracked, Worker.FailureRoute.REPORTED);
            Await.done(tracked);
            assertEquals(List.of(boom), errors.errors());
        }
    }

    @Test
    void isIdleOnlyOnceDownstreamAcceptedWhatItHeld() {
        AcceptLaterNode slow = AcceptLaterNode.after(node);
        worker.hold(2);
        assertFalse(worker.idle().isDone());
        worker.submit("x", 2);
        Await.until(() -> slow.received().size() == 1);
        assertFalse(worker.idle().isDone(), "x was received, not accepted");
        slow.accept(0);
        Await.done(worker.idle());
    }

    @Test
    void resumedOnAThreadThatAllowsItTheWorkerGoesOnThereOnceThatThreadsTaskEnds() throws Exception {
        AcceptLaterNode slow = AcceptLaterNode.after(node);
        worker.submit("a", 0);
        worker.submit("b", 0);
        Await.until(() -> slow.received().size() == 1);
        List<Runnable> leftToRun = new CopyOnWriteArrayList<>();
        Thread callback = new Thread(() -> {
            WorkerThreads.allowResumingHere(leftToRun::add);
            slow.accept(0);
        });
        callback.start();
        callback.join();

        assertEquals(1, leftToRun.size(), "the worker's run was left to the thread that accepted a");
        assertEquals(List.of("a"), slow.received(), "b waits until that thread's task ends");
        leftToRun.get(0).run();
        assertEquals(List.of("a", "b"), slow.received());
    }

    @Test
    void aBoundedWorkerAdmitsWaitingElementsInOrder() {
        Worker bounded = new Worker(Node.asNode(node), 1);
        AcceptLaterNode slow = AcceptLaterNode.after(node);
        bounded.submit(0, 0);
        Await.until(() -> slow.received().size() == 1);
        assertNull(bounded.submit(1, 0));
        CompletableFuture<Void> second = bounded.submit(2, 0);
        CompletableFuture<Void> third = bounded.submit(3, 0);
        assertFalse(second.isDone());
        slow.accept(0);
        Await.done(second);
        assertFalse(third.isDone());
        Await.until(() -> slow.received().size() == 2);
        slow.accept(1);
        Await.done(third);
    }

    @Test
    void stopFailsWhatWaitsAndCountsAsIdle() {
        AcceptLaterNode slow = AcceptLaterNode.after(node);
        worker.hold(2);
        worker.submit("in flight", 1);
        CompletableFuture<Void> queued = new CompletableFuture<>();
        worker.submit("queued", 1, queued, Worker.FailureRoute.TO_OUTCOME);
        worker.stop();
        assertInstanceOf(IllegalStateException.class, Await.failure(queued));
        assertTrue(worker.idle().isDone());
        assertInstanceOf(IllegalStateException.class,
                Await.failure(worker.submit("late", 0, new CompletableFuture<>(), Worker.FailureRoute.TO_OUTCOME)));
        assertTrue(slow.received().size() <= 1, "nothing queued went downstream after stop");
    }
}
