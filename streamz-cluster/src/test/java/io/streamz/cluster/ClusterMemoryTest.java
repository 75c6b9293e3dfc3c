package io.streamz.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamz.Stream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Memory stays bounded when the sink is slower than the cluster: back pressure, no per-element leak. */
class ClusterMemoryTest {
    private static final int ELEMENTS = 100_000;
    private static final int CHECKPOINT = 20_000;
    private static final long TOLERANCE = 24L << 20;

    @Test
    void heapStaysFlatAndTheCacheEmptiesWhileASlowSinkTakes100kElements() {
        try (IgniteCluster cluster = IgniteCluster.local(2)) {
            Stream<Integer> source = Stream.create();
            AtomicLong sum = new AtomicLong();
            source.scatter().map((Integer x) -> x + 1).buffer(64).gather().sink(x -> {
                spin(10_000);
                sum.addAndGet(x);
            });

            List<Long> heap = new ArrayList<>();
            for (int i = 0; i < ELEMENTS; i++) {
                source.emit(i);
                if ((i + 1) % CHECKPOINT == 0) {
                    heap.add(usedHeapAfterGc());
                }
            }
            source.drain();

            assertEquals((long) ELEMENTS * (ELEMENTS + 1) / 2, sum.get());
            assertEquals(0, cluster.storedResults());
            // The first checkpoint follows the warm-up; after it the heap must not grow with the elements.
            long first = heap.get(1);
            long last = heap.get(heap.size() - 1);
            System.out.printf("used heap after gc at each %,d elements: %s%n", CHECKPOINT, heap);
            assertTrue(last - first < TOLERANCE, "the heap grew by " + (last - first) + " bytes: " + heap);
        }
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** A sink slower than the cluster, without sleeping (which would be far slower than needed). */
    private static void spin(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
