package io.streamz.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.streamz.Stream;
import io.streamz.cluster.IgniteCluster;
import io.streamz.function.BiFunctionEx;
import io.streamz.function.FunctionEx;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cluster streams on three server containers, the test JVM joined as a thick client. These tests leave the cluster
 * as they found it, so they share one.
 *
 * <p>The functions below run in the containers: their class (this one) is peer-loaded there from the test JVM.
 */
class ClusterStreamIT {

    private static final SharedCluster SHARED = new SharedCluster(3);
    private static DockerCluster containers;
    private static IgniteCluster cluster;

    @BeforeEach
    void joinTheSharedCluster() throws Throwable {
        SHARED.join();
        containers = SHARED.containers();
        cluster = SHARED.driver();
    }

    @AfterAll
    static void stopCluster() {
        SHARED.close();
    }

    @Test
    void scatterMapAccumulateGatherEqualsTheLocalComputationInOrder() {
        FunctionEx<Integer, Long> square = x -> (long)x * x;
        // Order-sensitive: elements applied out of order, twice or not at all give other values.
        BiFunctionEx<Long, Long, Long> hash = (h, x) -> h * 31 + x;
        List<Integer> input = IntStream.range(0, 500).boxed().toList();

        Stream<Integer> local = Stream.create("local");
        List<Long> expected = local.map(square).accumulate(hash, 17L).sinkToList();
        input.forEach(local::emit);

        Stream<Integer> source = Stream.create("numbers");
        // The buffer keeps many elements in flight on the cluster at once, so their order is at stake.
        List<Long> gathered = source.scatter(cluster).map(square).accumulate(hash, 17L).buffer(16).gather()
            .sinkToList();
        input.forEach(source::emit);
        source.drain();

        assertEquals(expected, List.copyOf(gathered));
    }

    @Test
    void clusterFunctionsRunSpreadOverTheServerContainers() {
        Stream<Integer> source = Stream.create("where");
        List<String> hosts = source.scatter(cluster).map(x -> System.getenv("HOSTNAME")).buffer(8).gather()
            .sinkToList();
        IntStream.range(0, 60).forEach(source::emit);
        source.drain();

        assertEquals(60, hosts.size());
        assertEquals(Set.copyOf(containers.hostNames()), Set.copyOf(hosts), "where the 60 elements ran");
    }

    @Test
    void remoteExceptionReachesTheEmitCallerAndTheStreamGoesOn() {
        Stream<String> source = Stream.create("readings");
        List<Integer> parsed = source.scatter(cluster).map(ClusterStreamIT::parseReading).gather().sinkToList();
        source.emit("1");

        RuntimeException thrown = assertThrows(RuntimeException.class, () -> source.emit("minus one"));
        BadReading original = Causes.find(thrown, BadReading.class);
        assertEquals("not a reading: minus one", original.getMessage());

        source.emit("2");
        assertEquals(List.of(1, 2), List.copyOf(parsed));
    }

    private static int parseReading(String s) {
        if (!s.chars().allMatch(Character::isDigit))
            throw new BadReading("not a reading: " + s);
        return Integer.parseInt(s);
    }

    /** A user exception the containers know only from this JVM: its class is peer-loaded too. */
    static final class BadReading extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        BadReading(String message) {
            super(message);
        }
    }
}
