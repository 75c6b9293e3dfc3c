package io.streamz.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.streamz.Stream;
import io.streamz.cluster.IgniteCluster;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A named accumulate state on the Docker cluster with persistence (as {@code docker-compose.yml} runs it): every
 * server container restarted, the cluster activates by itself and a new driver continues from the stored state.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class DurableStateIT {

    @Test
    void aNewDriverContinuesANamedStateAfterEveryServerRestarted() throws InterruptedException {
        try (DockerCluster containers = DockerCluster.startPersistent(3)) {
            try (IgniteCluster first = containers.connect()) {
                assertEquals(runningSums(0, 1, 50), sums(first, 1, 50));
            }

            containers.restartAll();
            containers.awaitActive(2);

            try (IgniteCluster second = containers.connect()) {
                assertEquals(runningSums(sum(1, 50), 51, 60), sums(second, 51, 60),
                    "the second driver continues from the state the first left, through the restart");
            }
        }
    }

    /** Sums the longs {@code from..to} in a cluster accumulate whose state is named "restart-sum". */
    private static List<Long> sums(IgniteCluster cluster, int from, int to) {
        Stream<Long> source = Stream.create();
        List<Long> sums = source.scatter(cluster).accumulate((Long sum, Long x) -> sum + x, 0L).durable("restart-sum")
            .gather().sinkToList();
        for (long x = from; x <= to; x++)
            source.emit(x);
        return sums;
    }

    private static List<Long> runningSums(long start, int from, int to) {
        long[] sum = {start};
        return IntStream.rangeClosed(from, to).mapToObj(x -> sum[0] += x).collect(Collectors.toList());
    }

    private static long sum(int from, int to) {
        return IntStream.rangeClosed(from, to).asLongStream().sum();
    }
}
