package io.streamz.cluster;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.streamz.Stream;
import org.junit.jupiter.api.Test;

/** scatter() when no cluster is open: ClusterRegistry's error, saying how to open one. */
class ScatterWithoutClusterTest {

    @Test
    void scatterWithNoOpenClusterSaysHowToStartOne() {
        assumeTrue(ClusterRegistry.openClusters().isEmpty(), "another test class left a cluster open");

        IllegalStateException error = assertThrows(IllegalStateException.class, () -> Stream.create().scatter());

        assertTrue(error.getMessage().contains("no open cluster"), error.getMessage());
        assertTrue(error.getMessage().contains("IgniteCluster.local(2)"), error.getMessage());
    }
}
