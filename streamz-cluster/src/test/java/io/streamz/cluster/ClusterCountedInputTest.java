package io.streamz.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamz.Stream;
import io.streamz.local.internal.core.RefCounter;
import io.streamz.local.internal.core.Refs;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Inputs emitted under a {@link RefCounter} (what {@code fromKafkaBatched} commits by) through cluster
 * steps and gather: a result gather emits later, on a cluster callback thread, still carries its input
 * to the holding nodes after it.
 */
class ClusterCountedInputTest {
    @RegisterExtension
    static final EmbeddedCluster CLUSTER = new EmbeddedCluster(1);

    @Test
    void aWindowAfterGatherKeepsTheInputsOfTheResultsItHolds() {
        Stream<Integer> source = Stream.create();
        List<List<Integer>> windows = source.scatter().map((Integer x) -> x * 10).gather().slidingWindow(2).sinkToList();

        RefCounter first = emitCounted(source, 1);
        assertFalse(first.isDone(), "its result waits in the window");
        RefCounter second = emitCounted(source, 2);
        RefCounter third = emitCounted(source, 3);

        assertEquals(List.of(List.of(10, 20), List.of(20, 30)), windows);
        assertTrue(first.isDone(), "10 left the window");
        assertFalse(second.isDone());
        assertFalse(third.isDone());
    }

    @Test
    void anInputThroughABufferAndGatherIsDoneOnceDeliveredNotLeaked() {
        Stream<Integer> source = Stream.create();
        List<Integer> results = source.scatter().map((Integer x) -> x + 1).buffer(4).gather().sinkToList();

        RefCounter input = emitCounted(source, 1);
        source.drain();

        assertEquals(List.of(2), results);
        assertTrue(input.isDone());
    }

    private static <T> RefCounter emitCounted(Stream<T> source, T x) {
        RefCounter input = new RefCounter(() -> { });
        Refs.emitCounted(input, () -> source.emit(x));
        return input;
    }
}
