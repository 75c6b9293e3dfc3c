package io.streamz.local.internal.ops;

import io.streamz.Stream;
import io.streamz.local.testsupport.AcceptLaterNode;
import io.streamz.local.testsupport.Await;
import io.streamz.local.testsupport.ReportedErrors;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BufferNodeTest {
    @Test
    void passesEveryElementOnInOrder() {
        Stream<Integer> source = Stream.create();
        List<Integer> results = source.buffer(3).sinkToList();
        IntStream.range(0, 100).forEach(source::emit);
        Await.drained(source);
        assertEquals(IntStream.range(0, 100).boxed().toList(), results);
    }

    @Test
    void theEmitterWaitsOnlyWhenTheBufferIsFull() {
        Stream<Integer> source = Stream.create();
        AcceptLaterNode slow = AcceptLaterNode.after(source.buffer(2));

        source.emit(1);  // taken by the worker, which waits for slow to accept it
        source.emit(2);
        source.emit(3);  // the queue of 2 is full now (1 is out of it once taken)
        CompletableFuture<Void> fourth = source.emitAsync(4);
        assertFalse(fourth.isDone(), "a full buffer makes the emitter wait");

        slow.accept(0);  // the worker takes 2, which makes room for 4
        Await.done(fourth);
    }

    @Test
    void downstreamRunsOnTheWorkerThreadNotTheEmitters() {
        Stream<Integer> source = Stream.create();
        List<Thread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
        source.buffer(1).sink(x -> threads.add(Thread.currentThread()));
        source.emit(1);
        Await.drained(source);
        assertNotEquals(Thread.currentThread(), threads.get(0));
        assertTrue(threads.get(0).isDaemon(), "worker threads never keep the JVM alive");
    }

    @Test
    void aDownstreamExceptionGoesToTheErrorHandlerAndTheBufferGoesOn() {
        try (ReportedErrors errors = ReportedErrors.install()) {
            Stream<Integer> source = Stream.create();
            Stream<Integer> buffer = source.buffer(5);
            List<Integer> results = buffer.map(x -> 10 / x).sinkToList();
            source.emit(0);  // returns: nobody waits for what happens after a buffer
            source.emit(5);
            Await.drained(source);

            assertEquals(List.of(2), results);
            assertEquals(1, errors.reports().size());
            assertInstanceOf(ArithmeticException.class, errors.errors().get(0));
            assertSame(buffer, errors.reports().get(0).where());
        }
    }

    @Test
    void aFailedAsynchronousSinkAfterTheBufferIsReportedWithItsOriginalException() {
        try (ReportedErrors errors = ReportedErrors.install()) {
            IllegalStateException refused = new IllegalStateException("database refused");
            Stream<Integer> source = Stream.create();
            source.buffer(5).sinkAsync(x -> CompletableFuture.failedFuture(refused));
            source.emit(1);
            Await.drained(source);
            assertEquals(List.of(refused), errors.errors());
        }
    }

    @Test
    void destroyStopsTheWorkerAndReleasesWaitingEmitters() {
        Stream<Integer> source = Stream.create();
        Stream<Integer> buffer = source.buffer(1);
        AcceptLaterNode slow = AcceptLaterNode.after(buffer);
        source.emit(1);
        source.emit(2);
        CompletableFuture<Void> third = source.emitAsync(3);
        assertFalse(third.isDone());

        buffer.destroy();
        Throwable failure = Await.failure(third);
        assertInstanceOf(IllegalStateException.class, failure);
        assertTrue(failure.getMessage().contains("was destroyed"), failure.getMessage());
        slow.accept(0);
        Await.drained(buffer);
        assertEquals(List.of(1), slow.received(), "what waited in a destroyed buffer never goes downstream");
    }

    @Test
    void aBufferOfZeroFailsWhenBuilt() {
        Stream<Integer> source = Stream.create();
        assertEquals("buffer size must be at least 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> source.buffer(0)).getMessage());
    }

    @Test
    void toStringShowsTheSize() {
        assertEquals("<buffer: 100>", Stream.create().buffer(100).toString());
    }
}
