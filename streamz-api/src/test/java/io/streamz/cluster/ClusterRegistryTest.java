package io.streamz.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamz.Stream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

class ClusterRegistryTest {
    /** A cluster that only has a name: the registry needs no more. */
    private static Cluster named(String name) {
        return new Cluster() {
            @Override
            public <T> ClusterStream<T> scatter(Stream<T> upstream) {
                throw new UnsupportedOperationException();
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public void close() {
                ClusterRegistry.closed(this);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    @Test
    void applicationCodeCannotRegisterOrUnregisterACluster() throws NoSuchMethodException {
        for (String name : new String[] {"opened", "closed"}) {
            Method method = ClusterRegistry.class.getDeclaredMethod(name, Cluster.class);

            assertFalse(Modifier.isPublic(method.getModifiers()), name + " is public");
            assertFalse(Modifier.isProtected(method.getModifiers()), name + " is protected");
        }
    }

    @Test
    void theOnlyOpenClusterIsTheDefaultUntilItCloses() {
        Cluster cluster = named("registry-test");
        ClusterRegistry.opened(cluster);
        try {
            assertTrue(ClusterRegistry.openClusters().contains(cluster));
            assertSame(cluster, ClusterRegistry.defaultCluster());
        } finally {
            cluster.close();
        }

        assertFalse(ClusterRegistry.openClusters().contains(cluster));
        assertThrows(IllegalStateException.class, ClusterRegistry::defaultCluster);
    }

    @Test
    void aClusterMadeDefaultStopsBeingDefaultWhenItCloses() {
        Cluster first = named("registry-first");
        Cluster second = named("registry-second");
        ClusterRegistry.opened(first);
        ClusterRegistry.opened(second);
        try {
            IllegalStateException ambiguous = assertThrows(IllegalStateException.class, ClusterRegistry::defaultCluster);
            assertTrue(ambiguous.getMessage().contains("makeDefault()"), ambiguous.getMessage());

            second.makeDefault();
            assertSame(second, ClusterRegistry.defaultCluster());

            second.close();
            assertSame(first, ClusterRegistry.defaultCluster());
        } finally {
            first.close();
            second.close();
        }
        assertEquals(0, ClusterRegistry.openClusters().size());
    }

    @Test
    void onlyAnOpenClusterCanBeMadeDefault() {
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> named("never-opened").makeDefault());

        assertTrue(error.getMessage().contains("is not open"), error.getMessage());
    }
}
