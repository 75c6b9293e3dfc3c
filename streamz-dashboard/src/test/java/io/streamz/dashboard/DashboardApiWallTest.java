package io.streamz.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.streamz.cluster.ApiWall;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The dashboard builds on the engine's and the cluster path's internals (nodes, metrics, the task
 * hook's implementation), yet its API takes and returns only API types: streams, clusters, frames.
 */
class DashboardApiWallTest {

    @Test
    void noPublicSignatureOfTheDashboardNamesAnInternalType() throws Exception {
        ApiWall wall = ApiWall.between(List.of("io.streamz.dashboard"),
                List.of("io.streamz.local.", "io.streamz.cluster.internal.", "io.streamz.dataframe.internal."));

        assertEquals(List.of(), wall.leaks(), wall + " is crossed");
    }
}
