package io.streamz.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.streamz.Stream;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Slow functions on a server with two threads: one element per task, the threads all busy, and the
 * tasks waiting in the server's queue run in the order of their elements.
 */
class ClusterSlowFunctionTest {
    private static final int THREADS = 2;
    /** Written by the function on the (embedded) server: same JVM, same class. */
    private static final Queue<Integer> STARTED = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger RUNNING = new AtomicInteger();
    private static final AtomicInteger MOST_RUNNING = new AtomicInteger();

    @RegisterExtension
    static final EmbeddedCluster CLUSTER = new EmbeddedCluster(1, IgniteClusterOptions.defaults().withThreads(THREADS));

    @Test
    void slowElementsRunInParallelOnEveryThreadAndStartInTheirOrder() {
        STARTED.clear();
        MOST_RUNNING.set(0);
        Stream<Integer> source = Stream.create();
        List<Integer> out = source.scatter(CLUSTER.get()).map((Integer x) -> {
            STARTED.add(x);
            MOST_RUNNING.accumulateAndGet(RUNNING.incrementAndGet(), Math::max);
            try {
                Thread.sleep(30);
            } finally {
                RUNNING.decrementAndGet();
            }
            return x * 10;
        }).buffer(6).gather().sinkToList();

        int n = 24;
        for (int i = 0; i < n; i++) {
            source.emit(i);
        }
        source.drain();

        assertEquals(IntStream.range(0, n).map(i -> i * 10).boxed().toList(), out);
        // Tasks beyond the threads wait in the server's queue: sent out of order, they would start so.
        assertEquals(IntStream.range(0, n).boxed().toList(), new ArrayList<>(STARTED));
        assertEquals(THREADS, MOST_RUNNING.get());
        assertEquals(0, CLUSTER.get().storedResults());
    }
}
