package io.streamz.cluster.measure;

import io.streamz.Stream;
import io.streamz.cluster.IgniteCluster;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prints the figures of the cluster path on an embedded 2-server cluster (not a test: no timing
 * assertion belongs in the suite): elements/s of scatter().map(inc).buffer(64).gather(), and the
 * wall time of 40 x sleep(100 ms) through buffer(8). Run from the module with
 * {@code mvn -o -q exec:exec} style command lines or an IDE; see the report of issue #3.
 */
public final class ClusterThroughputCheck {
    private ClusterThroughputCheck() {
    }

    public static void main(String[] args) {
        int elements = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        try (IgniteCluster cluster = IgniteCluster.local(2)) {
            for (int round = 0; round < 5; round++) {
                Stream<Integer> source = Stream.create();
                AtomicLong sum = new AtomicLong();
                source.scatter().map((Integer x) -> x + 1).buffer(64).gather().sink(sum::addAndGet);
                long start = System.nanoTime();
                for (int i = 0; i < elements; i++) {
                    source.emit(i);
                }
                source.drain();
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("map(inc).buffer(64): %,.0f elements/s (sum %d, stored %d)%n",
                        elements / seconds, sum.get(), cluster.storedResults());
                source.destroy();
            }
            for (int round = 0; round < 3; round++) {
                Stream<Integer> source = Stream.create();
                AtomicLong count = new AtomicLong();
                source.scatter().map((Integer x) -> {
                    Thread.sleep(100);
                    return x;
                }).buffer(8).gather().sink(x -> count.incrementAndGet());
                long start = System.nanoTime();
                for (int i = 0; i < 40; i++) {
                    source.emit(i);
                }
                source.drain();
                System.out.printf("40 x sleep(100 ms), buffer(8): %.3f s (%d gathered)%n", (System.nanoTime() - start) / 1e9, count.get());
                source.destroy();
            }
        }
    }
}
