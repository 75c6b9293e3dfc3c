package io.streamz.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamz.Accumulated;
import io.streamz.Stream;
import io.streamz.cluster.internal.job.Caches;
import java.util.List;
import org.apache.ignite.IgniteCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code ClusterStream.durable}: a named accumulate state outlives its stream and its driver, until
 * {@code destroy()}; one driver at a time holds a name. Each "driver" here is a client joined to one
 * embedded cluster, as a driver restarted in a new JVM would be.
 */
class ClusterDurableStateTest {
    @RegisterExtension
    static final EmbeddedCluster CLUSTER = new EmbeddedCluster(2);

    private static IgniteCluster newDriver() {
        return IgniteCluster.connect(CLUSTER.get().discoveryAddresses().toArray(String[]::new));
    }

    /** A running sum from 100 whose state is named {@code name}, emitting {@code xs}; returns the sums. */
    private static List<Integer> sums(IgniteCluster driver, String name, int... xs) {
        Stream<Integer> source = Stream.create();
        List<Integer> sums = source.scatter(driver).accumulate((Integer sum, Integer x) -> sum + x, 100).durable(name)
                .gather().sinkToList();
        for (int x : xs) {
            source.emit(x);
        }
        return sums;
    }

    private static IgniteCache<Object, byte[]> namedStates() {
        return CLUSTER.get().ignite().getOrCreateCache(Caches.durableConfiguration());
    }

    @Test
    void aNewDriverContinuesEveryKindOfNamedAccumulateAndTheStartIsUsedOnlyOnce() {
        try (IgniteCluster first = newDriver()) {
            assertEquals(List.of(101, 103, 106), sums(first, "sum", 1, 2, 3));
            assertEquals(List.of(1, 1, 2), keyedCounts(first, "words", "a", "b", "a"));
            assertEquals(List.of("1 of 1", "2 of 3"), countAndSum(first, 1, 2));
        }
        try (IgniteCluster second = newDriver()) {
            assertEquals(List.of(110, 115), sums(second, "sum", 4, 5));
            assertEquals(List.of(3, 2, 1), keyedCounts(second, "words", "a", "b", "c"));
            assertEquals(List.of("3 of 6", "4 of 10"), countAndSum(second, 3, 4));
        }
    }

    @Test
    void unnamedStateStillGoesWithItsDriver() {
        int before = CLUSTER.get().storedStates();
        try (IgniteCluster driver = newDriver()) {
            Stream<Integer> source = Stream.create();
            source.scatter(driver).accumulate((Integer sum, Integer x) -> sum + x, 0).gather().sinkToList();
            source.emit(1);
            assertEquals(before + 1, CLUSTER.get().storedStates());
        }
        assertEquals(before, CLUSTER.get().storedStates(), "closing the driver removes its unnamed state");
    }

    @Test
    void destroyRemovesTheNamedStateSoTheNextStreamStartsFromItsStart() {
        try (IgniteCluster driver = newDriver()) {
            Stream<Integer> source = Stream.create();
            ClusterStream<Integer> step = source.scatter(driver).accumulate((Integer sum, Integer x) -> sum + x, 100)
                    .durable("destroyed");
            List<Integer> sums = step.gather().sinkToList();
            source.emit(1);
            source.emit(2);
            assertEquals(List.of(101, 103), sums);

            step.destroy();

            // Built at once: waits for the removal rather than finding the old state or being refused.
            assertEquals(List.of(105), sums(driver, "destroyed", 5));
        }
    }

    @Test
    void destroyRemovesEveryEntryOfTheNameWhicheverDriverWroteIt() {
        try (IgniteCluster first = newDriver()) {
            keyedCounts(first, "keyed-destroyed", "a", "b");
        }
        try (IgniteCluster second = newDriver()) {
            Stream<String> source = Stream.create();
            ClusterStream<Integer> counts = source.scatter(second)
                    .accumulateByKey((String word) -> word, (Integer n, String word) -> n + 1, 0).durable("keyed-destroyed");
            List<Integer> seen = counts.gather().sinkToList();
            source.emit("c");
            assertEquals(List.of(1), seen);

            counts.destroy();

            assertEquals(List.of(1, 1, 1), keyedCounts(second, "keyed-destroyed", "a", "b", "c"),
                    "every key starts again, those of the first driver too");
        }
    }

    /** A count per word, its states named {@code name}, emitting {@code words}; returns the counts. */
    private static List<Integer> keyedCounts(IgniteCluster driver, String name, String... words) {
        Stream<String> source = Stream.create();
        List<Integer> counts = source.scatter(driver)
                .accumulateByKey((String word) -> word, (Integer n, String word) -> n + 1, 0).durable(name)
                .gather().sinkToList();
        for (String word : words) {
            source.emit(word);
        }
        return counts;
    }

    /** accumulateWithState keeping [count, sum] under one name and emitting "count of sum". */
    private static List<String> countAndSum(IgniteCluster driver, int... xs) {
        Stream<Integer> source = Stream.create();
        List<String> out = source.scatter(driver).accumulateWithState((List<Integer> state, Integer x) -> {
            List<Integer> next = List.of(state.get(0) + 1, state.get(1) + x);
            return Accumulated.of(next, next.get(0) + " of " + next.get(1));
        }, List.of(0, 0)).durable("count-and-sum").gather().sinkToList();
        for (int x : xs) {
            source.emit(x);
        }
        return out;
    }

    @Test
    void aSecondDriverIsRefusedTheNameWhileTheFirstHoldsIt() {
        try (IgniteCluster first = newDriver(); IgniteCluster second = newDriver()) {
            assertEquals(List.of(101), sums(first, "held", 1));

            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> sums(second, "held"));
            assertTrue(refused.getMessage().contains("\"held\" is held by another driver"), refused.getMessage());

            first.close();
            assertEquals(List.of(103), sums(second, "held", 2), "a closed driver's name is free");
        }
    }

    @Test
    void twoOpenStreamsOfOneDriverCannotShareAName() {
        sums(CLUSTER.get(), "twice");
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> sums(CLUSTER.get(), "twice"));
        assertTrue(refused.getMessage().contains("used by another open stream of this driver"), refused.getMessage());
    }

    @Test
    void durableRefusesAStepWithoutStateABlankNameAndAStepThatTookElements() {
        Stream<Integer> source = Stream.create();
        ClusterStream<Integer> mapped = source.scatter(CLUSTER.get()).map((Integer x) -> x + 1);
        IllegalStateException stateless = assertThrows(IllegalStateException.class, () -> mapped.durable("map"));
        assertTrue(stateless.getMessage().contains("keeps no state"), stateless.getMessage());

        ClusterStream<Integer> summed = mapped.accumulate((Integer sum, Integer x) -> sum + x, 0);
        assertThrows(IllegalArgumentException.class, () -> summed.durable(" "));
        assertThrows(IllegalArgumentException.class, () -> summed.durable(null));

        summed.gather().sinkToList();
        source.emit(1);
        IllegalStateException late = assertThrows(IllegalStateException.class, () -> summed.durable("late"));
        assertTrue(late.getMessage().contains("has taken elements already"), late.getMessage());
    }

    @Test
    void aNamedStateGoneFromTheClusterFailsItsElementsInsteadOfStartingAfresh() {
        Stream<Integer> source = Stream.create();
        List<Integer> sums = source.scatter(CLUSTER.get()).accumulate((Integer sum, Integer x) -> sum + x, 0).durable("lost")
                .gather().sinkToList();
        source.emit(1);

        namedStates().removeAll();

        ClusterStateLostException lost = assertThrows(ClusterStateLostException.class, () -> source.emit(2));
        assertTrue(lost.getMessage().contains("lost its state"), lost.getMessage());
        assertEquals(List.of(1), sums);
    }

    @Test
    void aNamedStateWhoseCacheWentWithEveryServerFailsItsElements() {
        Stream<Integer> source = Stream.create();
        List<Integer> sums = source.scatter(CLUSTER.get()).accumulate((Integer sum, Integer x) -> sum + x, 0)
                .durable("cache-gone").gather().sinkToList();
        source.emit(1);

        // As servers that persist nothing come back from a restart: without the cache.
        CLUSTER.get().ignite().destroyCache(Caches.DURABLE);

        ClusterStateLostException lost = assertThrows(ClusterStateLostException.class, () -> source.emit(2));
        assertTrue(lost.getMessage().contains("is no longer in the cluster"), lost.getMessage());
        assertEquals(List.of(1), sums);
    }
}
