package io.streamz.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamz.Stream;
import io.streamz.cluster.IgniteCluster;
import io.streamz.function.BiFunctionEx;
import io.streamz.function.FunctionEx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A server container dies mid-stream: the cluster stream goes on as if nothing had happened. The node killed is the
 * one that runs the {@code accumulate} at that moment, which holds the primary copy of its state. Has a cluster of
 * its own.
 */
class NodeFailureIT {

    private static final int ELEMENTS = 400;
    private static final int KILL_AT = ELEMENTS / 4;
    private static final String STATE_IS_HERE = "accumulate state is here";

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void killingAServerMidStreamLosesNothingDuplicatesNothingAndKeepsOrderAndAccumulateState() throws Exception {
        // Slow enough that elements are in flight on every node when one dies.
        FunctionEx<Integer, Long> slowSquare = x -> {
            Thread.sleep(2);
            return (long)x * x;
        };
        // Order-sensitive: an element applied twice, lost or out of order, or a lost state, changes all that follow.
        BiFunctionEx<Long, Long, Long> hash = (h, x) -> {
            if (x == (long)KILL_AT * KILL_AT)
                System.out.println(STATE_IS_HERE);
            return h * 31 + x;
        };

        ExecutorService emitter = Executors.newSingleThreadExecutor();
        try (DockerCluster containers = DockerCluster.start(3);
             IgniteCluster cluster = containers.connect()) {
            Stream<Integer> source = Stream.create("numbers");
            List<Long> gathered = source.scatter(cluster).map(slowSquare).accumulate(hash, 17L).buffer(32).gather()
                .sinkToList();

            AtomicInteger emitted = new AtomicInteger();
            CompletableFuture<Void> emitting = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < ELEMENTS; i++) {
                    source.emit(i);
                    emitted.incrementAndGet();
                }
                source.drain();
            }, emitter);

            int stateNode = containers.awaitLog(STATE_IS_HERE, Duration.ofSeconds(60));
            containers.kill(stateNode);
            int emittedAtKill = emitted.get();

            emitting.get(90, TimeUnit.SECONDS);
            assertTrue(emittedAtKill < ELEMENTS, "the stream was over before the kill: not a mid-stream failure");
            assertEquals(localResult(slowSquare, hash), List.copyOf(gathered));
        }
        finally {
            emitter.shutdownNow();
        }
    }

    private static List<Long> localResult(FunctionEx<Integer, Long> f, BiFunctionEx<Long, Long, Long> acc) {
        Stream<Integer> local = Stream.create("local");
        List<Long> out = local.map(f).accumulate(acc, 17L).sinkToList();
        IntStream.range(0, ELEMENTS).forEach(local::emit);
        return List.copyOf(out);
    }
}
