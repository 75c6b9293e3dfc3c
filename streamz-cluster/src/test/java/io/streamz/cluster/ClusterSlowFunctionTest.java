package io.streamz.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamz.Stream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Slow functions on a server with two threads: one element per task, the threads all busy, and the
 * tasks waiting in the server's queue run in the order of their elements.
 */
class ClusterSlowFunctionTest {
    private static final int THREADS = 2;
    private static final long TASK_MILLIS = 100;
    /** Written by the function on the (embedded) server: same JVM, same class. */
    private static final Map<Integer, Long> STARTED = new ConcurrentHashMap<>();
    private static final AtomicInteger RUNNING = new AtomicInteger();
    private static final AtomicInteger MOST_RUNNING = new AtomicInteger();

    @RegisterExtension
    static final EmbeddedCluster CLUSTER = new EmbeddedCluster(1, IgniteClusterOptions.defaults().withThreads(THREADS));

    // Three times: one run of a wrong order shows it 8 times out of 10.
    @RepeatedTest(3)
    void slowElementsRunInParallelOnEveryThreadAndNoneWaitsBehindALaterOne() {
        STARTED.clear();
        MOST_RUNNING.set(0);
        Stream<Integer> source = Stream.create();
        List<Integer> out = source.scatter(CLUSTER.get()).map((Integer x) -> {
            STARTED.put(x, System.nanoTime());
            MOST_RUNNING.accumulateAndGet(RUNNING.incrementAndGet(), Math::max);
            try {
                Thread.sleep(TASK_MILLIS);
            } finally {
                RUNNING.decrementAndGet();
            }
            return x * 10;
        }).buffer(6).gather().sinkToList();

        int n = 16;
        for (int i = 0; i < n; i++) {
            source.emit(i);
        }
        source.drain();

        assertEquals(IntStream.range(0, n).map(i -> i * 10).boxed().toList(), out);
        assertEquals(THREADS, MOST_RUNNING.get());
        // Two tasks sent together may start in either order; a task sent out of order would wait in
        // the server's queue behind a later element's, a whole task long.
        for (int later = 1; later < n; later++) {
            for (int earlier = 0; earlier < later; earlier++) {
                long lateBy = TimeUnit.NANOSECONDS.toMillis(STARTED.get(earlier) - STARTED.get(later));
                assertTrue(lateBy < TASK_MILLIS / 2, "element " + earlier + " started " + lateBy + " ms after element " + later);
            }
        }
        assertEquals(0, CLUSTER.get().storedResults());
    }
}
