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
 * An accumulate tells a state it has not written yet from one the cluster lost: the first starts from
 * the start value, the second fails the step. {@link ClusterRestartTest} loses it the real way.
 */
class ClusterAccumulateLostStateTest {
    @RegisterExtension
    static final EmbeddedCluster CLUSTER = new EmbeddedCluster(2);

    /** Not Serializable, and Ignite cannot write records: such an element never reaches the cluster. */
    record Unsendable(int x) {
    }

    @Test
    void aStateGoneFromTheClusterFailsThisAndEveryLaterElementNamingTheStep() {
        Stream<Integer> source = Stream.create();
        List<Integer> totals = source.scatter().accumulate((Integer sum, Integer x) -> sum + x, 0).named("total")
                .gather().sinkToList();
        source.emit(1);
        source.emit(2);

        CLUSTER.get().ignite().cache(Caches.STATE).removeAll();

        for (int x : List.of(3, 4)) {
            ClusterStateLostException error = assertThrows(ClusterStateLostException.class, () -> source.emit(x));
            assertTrue(error.getMessage().startsWith("<cluster accumulate: total> lost its state on " + CLUSTER.get().name()),
                    error.getMessage());
        }
        assertEquals(List.of(1, 3), totals);
    }

    @Test
    void anAccumulateWhoseFirstElementNeverReachedTheClusterStartsFromItsStartValue() {
        Stream<Object> source = Stream.create();
        List<Integer> totals = source.scatter().accumulate((Integer sum, Object x) -> sum + (Integer) x, 10)
                .gather().sinkToList();

        assertThrows(RuntimeException.class, () -> source.emit(new Unsendable(1)));
        source.emit(1);
        source.emit(2);

        assertEquals(List.of(11, 13), totals);
    }
}
