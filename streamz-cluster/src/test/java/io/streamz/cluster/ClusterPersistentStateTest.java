package io.streamz.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamz.Stream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code IgniteClusterOptions.withPersistence}: an embedded cluster stopped and started again keeps its named states. */
class ClusterPersistentStateTest {

    @Test
    void anEmbeddedClusterStartedAgainOnItsDirectoryContinuesANamedStateAndForgetsTheRest(@TempDir Path dir) {
        IgniteClusterOptions options = IgniteClusterOptions.defaults().withPersistence(dir);
        try (IgniteCluster cluster = IgniteCluster.local(1, options)) {
            assertEquals(List.of(101, 103), sums(cluster, 1, 2));
            Stream<Integer> unnamed = Stream.create();
            unnamed.scatter(cluster).accumulate((Integer sum, Integer x) -> sum + x, 0).gather().sinkToList();
            unnamed.emit(1);
        }
        assertTrue(Files.isDirectory(dir.resolve("db")), "the servers wrote to " + dir);

        try (IgniteCluster again = IgniteCluster.local(1, options)) {
            assertEquals(List.of(106), sums(again, 3));
            assertEquals(0, again.storedStates(), "unnamed states stay in memory");
        }
    }

    private static List<Integer> sums(IgniteCluster cluster, int... xs) {
        Stream<Integer> source = Stream.create();
        List<Integer> sums = source.scatter(cluster).accumulate((Integer sum, Integer x) -> sum + x, 100).durable("kept")
                .gather().sinkToList();
        for (int x : xs) {
            source.emit(x);
        }
        return sums;
    }
}
