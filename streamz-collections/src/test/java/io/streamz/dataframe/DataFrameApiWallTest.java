package io.streamz.dataframe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.streamz.cluster.ApiWall;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Users hold what the DataFrame API hands them (states, statistics, reductions) without importing
 * an internal package: no public signature of {@code io.streamz.dataframe} or
 * {@code io.streamz.collections} names a type of {@code io.streamz.dataframe.internal} or of an engine.
 */
class DataFrameApiWallTest {

    @Test
    void noPublicSignatureOfTheCollectionsApiNamesAnInternalType() throws Exception {
        ApiWall wall = ApiWall.between(List.of("io.streamz.dataframe", "io.streamz.collections"),
                List.of("io.streamz.dataframe.internal.", "io.streamz.local.", "io.streamz.cluster.internal."));

        assertEquals(List.of(), wall.leaks(), wall + " is crossed");
    }
}
