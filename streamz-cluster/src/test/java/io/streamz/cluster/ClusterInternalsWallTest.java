package io.streamz.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamz.Stream;
import io.streamz.cluster.internal.driver.ClusterContext;
import io.streamz.cluster.internal.stream.IgniteClusterStream;
import io.streamz.cluster.internal.stream.ServerReads;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What application code can reach of the cluster path: the public types of {@code io.streamz.cluster}
 * ({@code IgniteCluster}, its options, exceptions and task watching) hand out no internal type, and
 * the public entries of the internal packages take a cluster, never a raw context, so only a cluster
 * that {@code IgniteCluster} opened can be scattered on or read on. No cluster is started.
 */
class ClusterInternalsWallTest {
    private static final String INTERNAL = "io.streamz.cluster.internal.";

    /** A cluster of some other implementation, not opened by IgniteCluster. */
    private static final Cluster FOREIGN = new Cluster() {
        @Override
        public <T> ClusterStream<T> scatter(Stream<T> upstream) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String name() {
            return "foreign";
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return "foreign cluster";
        }
    };

    @Test
    void noPublicSignatureOfTheClusterApiNamesAnInternalType() throws Exception {
        ApiWall wall = ApiWall.between(List.of("io.streamz.cluster"), List.of(INTERNAL, "io.streamz.local."));

        assertEquals(List.of(), wall.leaks(), wall + " is crossed");
    }

    @Test
    void noPublicEntryOfTheClusterPathTakesARawContext() {
        for (Class<?> entry : List.of(IgniteClusterStream.class, ServerReads.class)) {
            for (Method method : entry.getMethods()) {
                assertFalse(List.of(method.getParameterTypes()).contains(ClusterContext.class),
                        entry.getSimpleName() + "." + method.getName() + " takes a ClusterContext");
            }
            assertEquals(0, entry.getConstructors().length, entry.getSimpleName() + " has a public constructor");
        }
    }

    @Test
    void serverReadsIsTheOneEntryOfAServerSideSourceAndHandsOutNoDriverType() {
        for (Method method : ServerReads.class.getDeclaredMethods()) {
            if (!Modifier.isPublic(method.getModifiers())) {
                continue;
            }
            List<String> types = new ArrayList<>(List.of(method.getGenericReturnType().getTypeName()));
            for (var parameter : method.getGenericParameterTypes()) {
                types.add(parameter.getTypeName());
            }

            assertTrue(types.stream().noneMatch(type -> type.contains(INTERNAL + "driver.")),
                    "ServerReads." + method.getName() + " uses " + types);
        }
    }

    @Test
    void scatteringOnAClusterNotOpenedByIgniteClusterFailsSayingWhatToPass() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> IgniteClusterStream.scatter(FOREIGN, Stream.create()));

        assertTrue(error.getMessage().contains("foreign cluster"), error.getMessage());
        assertTrue(error.getMessage().contains("IgniteCluster.local(...)"), error.getMessage());
    }

    @Test
    void readingOnTheServersOfAClusterNotOpenedByIgniteClusterFails() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> ServerReads.on(FOREIGN, "reads"));

        assertTrue(error.getMessage().contains("IgniteCluster.connect(...)"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ServerReads.on(null, "reads"));
    }

    @Test
    void everyPackageOfTheClusterPathSaysItIsInternal() throws IOException {
        for (String name : List.of("driver", "job", "startup", "stream")) {
            Path info = Path.of("src/main/java/io/streamz/cluster/internal", name, "package-info.java");

            assertTrue(Files.readString(info).contains("Internal, unsupported, may change"), info + " does not say it is internal");
        }
    }

    @Test
    void theDriversHelpersArePackagePrivate() throws ClassNotFoundException {
        for (String name : List.of("driver.Burst", "driver.ClusterCall", "driver.ClusterLink", "driver.NamedState",
                "driver.Placement", "driver.Remover", "job.ExcludedObjects")) {
            Class<?> type = Class.forName(INTERNAL + name);

            assertFalse(Modifier.isPublic(type.getModifiers()), type + " is public");
        }
    }
}
