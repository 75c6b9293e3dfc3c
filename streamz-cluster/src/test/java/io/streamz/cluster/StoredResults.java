package io.streamz.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;

/**
 * Waits for what the garbage collector frees to leave the caches: results (behind slidingWindow or latest) and the
 * states of accumulate steps nothing can emit into any more.
 */
final class StoredResults {
    private StoredResults() {
    }

    /** Collects garbage until the data cache is empty, for up to 20 s; then asserts it is. */
    static void awaitNoneAfterGc(IgniteCluster cluster) throws InterruptedException {
        awaitNoneAfterGc(cluster, IgniteCluster::storedResults);
    }

    /** Collects garbage until the state cache is empty, for up to 20 s; then asserts it is. */
    static void awaitNoStatesAfterGc(IgniteCluster cluster) throws InterruptedException {
        awaitNoneAfterGc(cluster, IgniteCluster::storedStates);
    }

    private static void awaitNoneAfterGc(IgniteCluster cluster, ToIntFunction<IgniteCluster> stored)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (stored.applyAsInt(cluster) > 0 && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(50);
        }
        assertEquals(0, stored.applyAsInt(cluster));
    }
}
