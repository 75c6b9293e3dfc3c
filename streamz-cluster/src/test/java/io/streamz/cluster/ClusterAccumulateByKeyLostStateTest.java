package io.streamz.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamz.Stream;
import io.streamz.cluster.internal.job.Caches;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An accumulateByKey tells, per key, a state it has not written yet from one the cluster lost: the
 * first starts from the start value, the second fails that key's elements (and only that key's).
 */
class ClusterAccumulateByKeyLostStateTest {
    @RegisterExtension
    static final EmbeddedCluster CLUSTER = new EmbeddedCluster(2);

    /** Not Serializable, and Ignite cannot write records: such an element never reaches the cluster. */
    record Unsendable(int x) {
    }

    @Test
    void aKeysStateGoneFromTheClusterFailsEveryLaterElementOfThatKeyNamingStepAndKeyWhileOtherKeysGoOn() {
        Stream<String> source = Stream.create();
        List<Integer> counts = source.scatter()
                .accumulateByKey((String word) -> word, (Integer count, String word) -> count + 1, 0).named("counts")
                .gather().sinkToList();
        source.emit("a");
        source.emit("a");

        CLUSTER.get().ignite().cache(Caches.STATE).removeAll();

        assertLost(source, "a");
        source.emit("b");
        source.emit("b");
        assertLost(source, "a");
        assertEquals(List.of(1, 2, 1, 2), counts);
    }

    @Test
    void aKeyWhoseFirstElementNeverReachedTheClusterStartsFromItsStartValue() {
        Stream<Object> source = Stream.create();
        List<Integer> totals = source.scatter()
                .accumulateByKey((Object x) -> "k", (Integer sum, Object x) -> sum + (Integer) x, 10)
                .gather().sinkToList();

        assertThrows(RuntimeException.class, () -> source.emit(new Unsendable(1)));
        source.emit(1);
        source.emit(2);

        assertEquals(List.of(11, 13), totals);
    }

    private static void assertLost(Stream<String> source, String word) {
        ClusterStateLostException error = assertThrows(ClusterStateLostException.class, () -> source.emit(word));
        assertTrue(error.getMessage().startsWith("<cluster accumulateByKey: counts> lost the state of key " + word
                + " on " + CLUSTER.get().name()), error.getMessage());
    }
}
