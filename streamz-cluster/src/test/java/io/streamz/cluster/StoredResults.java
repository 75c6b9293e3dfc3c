package io.streamz.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;

/** Waits for results freed by the garbage collector (behind slidingWindow or latest) to leave the cache. */
final class StoredResults {
    private StoredResults() {
    }

    /** Collects garbage until the data cache is empty, for up to 20 s; then asserts it is. */
    static void awaitNoneAfterGc(IgniteCluster cluster) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (cluster.storedResults() > 0 && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(50);
        }
        assertEquals(0, cluster.storedResults());
    }
}
