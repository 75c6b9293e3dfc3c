package io.streamz.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamz.Stream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code IgniteClusterOptions.withMaxBytesInFlight}: emit waits while the servers hold that much of this driver's elements. */
class ClusterBytesInFlightTest {
    private static final int ELEMENT = 100_000;
    /** Three elements; a fourth may leave while exactly this much is in flight. */
    private static final long IN_FLIGHT = 3L * ELEMENT;
    private static final AtomicInteger RUNNING = new AtomicInteger();
    private static final AtomicInteger MOST_RUNNING = new AtomicInteger();

    @RegisterExtension
    static final EmbeddedCluster CLUSTER = new EmbeddedCluster(1, IgniteClusterOptions.defaults().withMaxBytesInFlight(IN_FLIGHT));

    @Test
    void theServersNeverHoldMoreElementsThanTheBytesInFlightAllowEvenWithALargeBuffer() {
        Stream<byte[]> source = Stream.create();
        List<Integer> firstBytes = source.scatter().map((byte[] x) -> {
            int running = RUNNING.incrementAndGet();
            MOST_RUNNING.accumulateAndGet(running, Math::max);
            try {
                Thread.sleep(20);
                return (int) x[0];
            } finally {
                RUNNING.decrementAndGet();
            }
        }).buffer(64).gather().sinkToList();

        for (int i = 0; i < 30; i++) {
            byte[] element = new byte[ELEMENT];
            element[0] = (byte) i;
            source.emit(element);
        }
        source.drain();

        assertEquals(IntStream.range(0, 30).boxed().toList(), firstBytes);
        // Without the bound the server's eight threads all run (a slow function goes one element per task).
        assertTrue(MOST_RUNNING.get() <= 4, MOST_RUNNING.get() + " elements ran at once");
    }

    @Test
    @Timeout(60)
    void cheapElementsBatchedByTheThousandAllGoThroughInOrder() {
        Stream<byte[]> source = Stream.create();
        List<Integer> firstBytes = source.scatter().map((byte[] x) -> (int) x[0]).buffer(64).gather().sinkToList();

        for (int i = 0; i < 200; i++) {
            byte[] element = new byte[ELEMENT];
            element[0] = (byte) i;
            source.emit(element);
        }
        source.drain();

        assertEquals(IntStream.range(0, 200).map(i -> (byte) i).boxed().toList(), firstBytes);
        assertEquals(0, CLUSTER.get().storedResults());
    }

    @Test
    @Timeout(60)
    void anElementLargerThanTheBoundStillGoesThroughAlone() {
        Stream<byte[]> source = Stream.create();
        List<Integer> lengths = source.scatter().map((byte[] x) -> x.length).gather().sinkToList();

        source.emit(new byte[(int) IN_FLIGHT * 2]);
        source.emit(new byte[1]);

        assertEquals(List.of((int) IN_FLIGHT * 2, 1), lengths);
    }

    @Test
    @Timeout(60)
    void aGatherFeedingAnotherScatterOnACallbackThreadNeverDeadlocks() {
        Stream<byte[]> first = Stream.create();
        Stream<byte[]> second = Stream.create();
        // The second buffer takes every element: an emit waiting for its own result on the thread
        // that completes results could never end, bound or not.
        List<Integer> lengths = second.scatter().map((byte[] x) -> x.length).buffer(64).gather().sinkToList();
        first.scatter().map((byte[] x) -> x).buffer(16).gather().sink(second::emit);

        for (int i = 0; i < 40; i++) {
            first.emit(new byte[ELEMENT + i]);
        }
        first.drain();
        second.drain();

        assertEquals(IntStream.range(0, 40).map(i -> ELEMENT + i).boxed().toList(), lengths);
    }

    @Test
    void optionsRefuseANonPositiveBound() {
        assertThrows(IllegalArgumentException.class, () -> IgniteClusterOptions.defaults().withMaxBytesInFlight(0));
        IgniteClusterOptions options = new IgniteClusterOptions(Duration.ofSeconds(1), 2, Duration.ofSeconds(5), 10);
        assertEquals(IgniteClusterOptions.defaults().maxBytesInFlight(), options.maxBytesInFlight());
    }
}
