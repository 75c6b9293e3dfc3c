package io.streamz.docker;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamz.Stream;
import io.streamz.cluster.IgniteCluster;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * What the node-failure ITs share: a cluster of three server containers of its own, the numbers {@code 0..n-1}
 * emitted on a thread of their own through a pipeline on it, and a kill, mid-stream, of the server that printed a
 * marker line (the one holding the state the test cares about at that moment). What the pipeline gathered is handed
 * back once the stream drained, for the test to compare with what a local run gives.
 */
final class MidStreamKill {

    private static final Duration MARKER_LIMIT = Duration.ofSeconds(60);
    private static final long DRAIN_SECONDS = 90;

    private MidStreamKill() {
    }

    /**
     * Runs {@code elements} numbers through {@code pipeline} (given the source and the cluster, it returns the list
     * its gathered results go to) and kills the server whose log shows {@code marker} first.
     *
     * @throws AssertionError when the stream was over before the kill: the test then proves nothing about a failure
     * @throws java.util.concurrent.TimeoutException when the marker never shows or the stream does not drain in time
     */
    static <T> List<T> run(int elements, String marker, BiFunction<Stream<Integer>, IgniteCluster, List<T>> pipeline)
        throws Exception {
        ExecutorService emitter = Executors.newSingleThreadExecutor();
        try (DockerCluster containers = DockerCluster.start(3);
             IgniteCluster cluster = containers.connect()) {
            Stream<Integer> source = Stream.create("numbers");
            List<T> gathered = pipeline.apply(source, cluster);

            AtomicInteger emitted = new AtomicInteger();
            CompletableFuture<Void> emitting = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < elements; i++) {
                    source.emit(i);
                    emitted.incrementAndGet();
                }
                source.drain();
            }, emitter);

            containers.kill(containers.awaitLog(marker, MARKER_LIMIT));
            int emittedAtKill = emitted.get();

            emitting.get(DRAIN_SECONDS, TimeUnit.SECONDS);
            assertTrue(emittedAtKill < elements, "the stream was over before the kill: not a mid-stream failure");
            return List.copyOf(gathered);
        }
        finally {
            emitter.shutdownNow();
        }
    }
}
