package io.streamz.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.streamz.Accumulated;
import io.streamz.Stream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Cluster accumulate: state on the cluster, applied strictly in emit order. */
class ClusterAccumulateTest {
    @RegisterExtension
    static final EmbeddedCluster CLUSTER = new EmbeddedCluster(2);

    @Test
    void runningSumFromAStartInEmitOrder() {
        Stream<Integer> source = Stream.create();
        List<Integer> sums = source.scatter().map((Integer x) -> x * 2).accumulate((Integer sum, Integer x) -> sum + x, 100)
                .buffer(16).gather().sinkToList();

        for (int i = 1; i <= 300; i++) {
            source.emit(i);
        }
        source.drain();

        List<Integer> expected = new ArrayList<>();
        int sum = 100;
        for (int i = 1; i <= 300; i++) {
            sum += 2 * i;
            expected.add(sum);
        }
        assertEquals(expected, sums);
        assertEquals(0, CLUSTER.get().storedResults());
    }

    @Test
    void withoutStartTheFirstElementBecomesTheStateAndIsEmittedAsIs() {
        Stream<String> source = Stream.create();
        List<String> results = source.scatter().accumulate((String acc, String x) -> acc + x).gather().sinkToList();

        source.emit("a");
        source.emit("b");
        source.emit("c");

        assertEquals(List.of("a", "ab", "abc"), results);
    }

    @Test
    void orderMattersAndIsTheEmitOrder() {
        Stream<Integer> source = Stream.create();
        // Subtraction does not commute: any reordering would show.
        List<Integer> results = source.scatter().map((Integer x) -> {
            Thread.sleep(x % 4 == 0 ? 10 : 0);
            return x;
        }).accumulate((Integer acc, Integer x) -> acc * 3 - x, 0).buffer(32).gather().sinkToList();

        for (int i = 0; i < 40; i++) {
            source.emit(i);
        }
        source.drain();

        List<Integer> expected = new ArrayList<>();
        int acc = 0;
        for (int i = 0; i < 40; i++) {
            acc = acc * 3 - i;
            expected.add(acc);
        }
        assertEquals(expected, results);
    }

    @Test
    void returnsStateFormKeepsTheStateAndEmitsTheValue() {
        Stream<Integer> source = Stream.create();
        List<String> results = source.scatter()
                .accumulateWithState((Integer count, Integer x) -> Accumulated.of(count + 1, count + ":" + x), 0)
                .gather().sinkToList();

        source.emit(7);
        source.emit(8);

        assertEquals(List.of("0:7", "1:8"), results);
    }

    @Test
    void aFailingElementLeavesTheStateAsItWas() {
        Stream<Integer> source = Stream.create();
        List<Integer> results = source.scatter().accumulate((Integer sum, Integer x) -> {
            if (x < 0) {
                throw new IllegalArgumentException("negative: " + x);
            }
            return sum + x;
        }, 0).gather().sinkToList();

        source.emit(1);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> source.emit(-5));
        source.emit(2);

        assertEquals("negative: -5", error.getMessage());
        assertEquals(List.of(1, 3), results);
    }

    @Test
    void filteredOutElementsAreNotAccumulated() {
        Stream<Integer> source = Stream.create();
        List<Integer> results = source.scatter().filter((Integer x) -> x != 2)
                .accumulate((Integer sum, Integer x) -> sum + x, 0).gather().sinkToList();

        for (int i = 1; i <= 4; i++) {
            source.emit(i);
        }

        assertEquals(List.of(1, 4, 8), results);
    }

    @Test
    void destroyingTheAccumulateRemovesItsStateFromTheCluster() throws InterruptedException {
        StoredResults.awaitNoStatesAfterGc(CLUSTER.get());
        Stream<Integer> source = Stream.create();
        ClusterStream<Integer> sums = source.scatter().accumulate((Integer sum, Integer x) -> sum + x, 0);
        List<Integer> results = sums.gather().sinkToList();
        for (int i = 1; i <= 5; i++) {
            source.emit(i);
        }
        source.drain();
        // Drained is not done: the stream may go on, so the state stays.
        assertEquals(1, CLUSTER.get().storedStates());

        sums.destroy();

        StoredResults.awaitNoStatesAfterGc(CLUSTER.get());
        assertEquals(List.of(1, 3, 6, 10, 15), results);
    }

    @Test
    void anAccumulateNothingCanReachAnyMoreLeavesNoStateBehind() throws InterruptedException {
        StoredResults.awaitNoStatesAfterGc(CLUSTER.get());
        List<Integer> results = sumsOfOneToFive();
        assertEquals(List.of(1, 3, 6, 10, 15), results);

        StoredResults.awaitNoStatesAfterGc(CLUSTER.get());
    }

    /** Runs a pipeline with an accumulate and lets go of it, keeping only its output. */
    private static List<Integer> sumsOfOneToFive() {
        Stream<Integer> source = Stream.create();
        List<Integer> results = source.scatter().accumulate((Integer sum, Integer x) -> sum + x, 0).gather().sinkToList();
        for (int i = 1; i <= 5; i++) {
            source.emit(i);
        }
        source.drain();
        assertEquals(1, CLUSTER.get().storedStates());
        return results;
    }
}
