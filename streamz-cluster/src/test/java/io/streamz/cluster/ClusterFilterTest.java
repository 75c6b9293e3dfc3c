package io.streamz.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.streamz.Stream;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Cluster filter: a filtered-out element travels on as an absent handle, so the pipeline never
 * waits for the predicate; gather and later steps skip it, and operators that count elements see
 * only those kept.
 */
class ClusterFilterTest {
    @RegisterExtension
    static final EmbeddedCluster CLUSTER = new EmbeddedCluster(2);

    @Test
    void gatherDeliversOnlyTheKeptElementsInOrder() {
        Stream<Integer> source = Stream.create();
        List<Integer> results = source.scatter().filter((Integer x) -> x % 3 == 0).buffer(8).gather().sinkToList();

        for (int i = 0; i < 100; i++) {
            source.emit(i);
        }
        source.drain();

        assertEquals(IntStream.range(0, 100).filter(i -> i % 3 == 0).boxed().toList(), results);
        assertEquals(0, CLUSTER.get().storedResults());
    }

    @Test
    void stepsAfterAFilterSkipWhatItDropped() {
        Stream<Integer> source = Stream.create();
        List<Integer> results = source.scatter().filter((Integer x) -> x % 2 == 1).map((Integer x) -> x * 10)
                .filter((Integer x) -> x != 50).buffer(8).gather().sinkToList();

        for (int i = 0; i < 10; i++) {
            source.emit(i);
        }
        source.drain();

        assertEquals(List.of(10, 30, 70, 90), results);
        assertEquals(0, CLUSTER.get().storedResults());
    }

    @Test
    void partitionAfterAFilterGroupsOnlyTheKeptElements() {
        Stream<Integer> source = Stream.create();
        List<List<Integer>> results = source.scatter().filter((Integer x) -> x % 2 == 0).partition(3).gather().sinkToList();

        for (int i = 0; i < 12; i++) {
            source.emit(i);
        }
        source.drain();

        assertEquals(List.of(List.of(0, 2, 4), List.of(6, 8, 10)), results);
    }

    @Test
    void zipAfterAFilterPairsTheKeptElements() {
        Stream<Integer> source = Stream.create();
        ClusterStream<Integer> scattered = source.scatter();
        ClusterStream<Integer> evens = scattered.filter((Integer x) -> x % 2 == 0);
        ClusterStream<Integer> squares = scattered.map((Integer x) -> x * x).filter((Integer x) -> x % 2 == 1);
        List<List<Object>> results = evens.zip(squares).gather().sinkToList();

        for (int i = 0; i < 6; i++) {
            source.emit(i);
        }
        source.drain();

        assertEquals(List.of(List.of(0, 1), List.of(2, 9), List.of(4, 25)), results);
        assertEquals(0, CLUSTER.get().storedResults());
    }

    @Test
    void aFailingPredicateFailsThatElementOnly() {
        Stream<Integer> source = Stream.create();
        List<Integer> results = source.scatter().filter((Integer x) -> 10 / x > 1).gather().sinkToList();

        source.emit(1);
        assertThrows(ArithmeticException.class, () -> source.emit(0));
        source.emit(20);
        source.emit(2);

        assertEquals(List.of(1, 2), results);
    }
}
