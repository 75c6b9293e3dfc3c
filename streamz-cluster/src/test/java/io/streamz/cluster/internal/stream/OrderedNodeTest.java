package io.streamz.cluster.internal.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamz.Stream;
import io.streamz.local.internal.core.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class OrderedNodeTest {
    private final Stream<String> source = Stream.create();
    private final Lookup node = new Lookup(Node.asNode(source));

    /**
     * Emits the value the test gives each element: at once for those in {@link #known}, else once the
     * test completes {@link #value}'s future.
     */
    private static final class Lookup extends OrderedNode<Object> {
        final Map<String, Object> known = new ConcurrentHashMap<>();
        private final Map<String, CompletableFuture<Object>> values = new ConcurrentHashMap<>();

        Lookup(Node<?> upstream) {
            super(upstream);
            upstream.connect(this);
        }

        CompletableFuture<Object> value(String x) {
            return values.computeIfAbsent(x, k -> new CompletableFuture<>());
        }

        @Override
        protected Object resolveNow(Object x) {
            return known.getOrDefault((String) x, LATER);
        }

        @Override
        protected CompletableFuture<?> resolve(Object x) {
            return value((String) x);
        }

        @Override
        protected String operatorName() {
            return "lookup";
        }
    }

    private List<CompletableFuture<Void>> emitAll(String... elements) {
        List<CompletableFuture<Void>> emitted = new ArrayList<>();
        for (String x : elements) {
            emitted.add(source.emitAsync(x));
        }
        return emitted;
    }

    private static Throwable failureOf(CompletableFuture<?> future) {
        return assertThrows(ExecutionException.class, future::get).getCause();
    }

    @Test
    void valuesKnownOutOfOrderGoDownstreamInInputOrder() {
        List<Object> out = node.sinkToList();
        List<CompletableFuture<Void>> emitted = emitAll("a", "b", "c");

        node.value("c").complete("C");
        node.value("b").complete("B");
        assertEquals(List.of(), out, "b and c wait for a");
        assertFalse(emitted.get(2).isDone(), "an emitter waits until its element went downstream");

        node.value("a").complete("A");
        assertEquals(List.of("A", "B", "C"), out);
        emitted.forEach(e -> assertTrue(e.isDone() && !e.isCompletedExceptionally()));
    }

    @Test
    void aFailureInTheMiddleReachesItsEmitterWithTheOriginalExceptionAndTheOthersGoOn() {
        List<Object> out = node.sinkToList();
        List<CompletableFuture<Void>> emitted = emitAll("a", "b", "c");
        IllegalStateException lost = new IllegalStateException("the function failed on b");

        node.value("c").complete("C");
        node.value("b").completeExceptionally(lost);
        node.value("a").complete("A");

        assertEquals(List.of("A", "C"), out);
        assertSame(lost, failureOf(emitted.get(1)));
        assertFalse(emitted.get(0).isCompletedExceptionally());
        assertFalse(emitted.get(2).isCompletedExceptionally());
    }

    @Test
    void aSkippedElementEmitsNothingAndReleasesItsEmitter() {
        List<Object> out = node.sinkToList();
        List<CompletableFuture<Void>> emitted = emitAll("a", "b");

        node.value("a").complete(OrderedNode.SKIP);
        node.value("b").complete("B");

        assertEquals(List.of("B"), out);
        assertTrue(emitted.get(0).isDone());
    }

    @Test
    void aValueKnownAtOnceWithNothingBeforeItGoesDownstreamOnTheEmittingThread() {
        List<Thread> threads = new CopyOnWriteArrayList<>();
        node.sink(x -> threads.add(Thread.currentThread()));
        node.known.put("a", "A");

        source.emit("a");

        assertEquals(List.of(Thread.currentThread()), threads);
        assertEquals(0, node.held());
    }

    @Test
    void aValueKnownAtOnceWaitsBehindAPendingOne() {
        List<Object> out = node.sinkToList();
        node.known.put("b", "B");
        List<CompletableFuture<Void>> emitted = emitAll("a", "b");
        assertEquals(List.of(), out);
        assertFalse(emitted.get(1).isDone());

        node.value("a").complete("A");

        assertEquals(List.of("A", "B"), out);
        assertTrue(emitted.get(1).isDone());
    }

    @Test
    void whileDownstreamHasNotAcceptedAnElementTheNextOnesWait() {
        List<Object> received = new CopyOnWriteArrayList<>();
        List<CompletableFuture<Void>> acceptances = new CopyOnWriteArrayList<>();
        node.sinkAsync(x -> {
            received.add(x);
            CompletableFuture<Void> accepted = new CompletableFuture<>();
            acceptances.add(accepted);
            return accepted;
        });
        node.known.put("a", "A");
        node.known.put("b", "B");
        List<CompletableFuture<Void>> emitted = emitAll("a", "b", "c");
        node.value("c").complete("C");
        assertEquals(List.of("A"), received, "a is not accepted yet");

        acceptances.get(0).complete(null);
        assertEquals(List.of("A", "B"), received);
        assertTrue(emitted.get(0).isDone());
        assertFalse(emitted.get(1).isDone());

        acceptances.get(1).complete(null);
        acceptances.get(2).complete(null);
        assertEquals(List.of("A", "B", "C"), received);
        emitted.forEach(e -> assertTrue(e.isDone()));
    }

    @Test
    void aDownstreamFailureReachesTheEmitterOfThatElementOnly() {
        IllegalArgumentException refused = new IllegalArgumentException("the sink refused B");
        List<Object> out = new CopyOnWriteArrayList<>();
        node.sinkAsync(x -> {
            if (x.equals("B")) {
                return CompletableFuture.failedFuture(refused);
            }
            out.add(x);
            return CompletableFuture.completedFuture(null);
        });
        List<CompletableFuture<Void>> emitted = emitAll("a", "b", "c");

        node.value("b").complete("B");
        node.value("c").complete("C");
        node.value("a").complete("A");

        assertSame(refused, failureOf(emitted.get(1)));
        assertEquals(List.of("A", "C"), out);
    }

    @Test
    void heldCountsTheElementsWaitingAndIdleCompletesOnceTheyAllWentDownstream() {
        List<Object> out = node.sinkToList();
        assertTrue(node.idle().isDone(), "nothing waits");
        emitAll("a", "b");

        CompletableFuture<Void> idle = node.idle();
        assertEquals(2, node.held());
        assertFalse(idle.isDone());

        node.value("b").complete("B");
        assertEquals(2, node.held(), "b waits for a");
        node.value("a").complete("A");

        assertEquals(0, node.held());
        assertTrue(idle.isDone());
        assertEquals(List.of("A", "B"), out);
    }
}
