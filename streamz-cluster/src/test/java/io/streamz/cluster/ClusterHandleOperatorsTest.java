package io.streamz.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamz.Stream;
import io.streamz.time.VirtualScheduler;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The local operators applied to handles: the values stay on the cluster while zip, union,
 * partition and the windows arrange their handles, and a later step or gather resolves them.
 */
class ClusterHandleOperatorsTest {
    @RegisterExtension
    static final EmbeddedCluster CLUSTER = new EmbeddedCluster(2);

    @Test
    void zipPairsResultsOfTwoBranchesAndStarmapCombinesThemOnTheCluster() {
        Stream<Integer> source = Stream.create();
        ClusterStream<Integer> scattered = source.scatter();
        ClusterStream<Integer> doubled = scattered.map((Integer x) -> x * 2);
        ClusterStream<Integer> squared = scattered.map((Integer x) -> x * x);
        List<Integer> sums = doubled.zip(squared).starmap((Integer a, Integer b) -> a + b).buffer(4).gather().sinkToList();

        for (int i = 0; i < 20; i++) {
            source.emit(i);
        }
        source.drain();

        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            expected.add(2 * i + i * i);
        }
        assertEquals(expected, sums);
        assertEquals(0, CLUSTER.get().storedResults());
    }

    @Test
    void gatheringAZipGivesListsOfValues() {
        Stream<String> source = Stream.create();
        ClusterStream<String> scattered = source.scatter();
        List<List<Object>> pairs = scattered.map(String::toUpperCase).zip(scattered.map(String::length)).gather().sinkToList();

        source.emit("ab");
        source.emit("c");

        assertEquals(List.of(List.of("AB", 2), List.of("C", 1)), pairs);
        assertEquals(0, CLUSTER.get().storedResults());
    }

    @Test
    void unionMergesTwoClusterStreams() {
        Stream<Integer> left = Stream.create();
        Stream<Integer> right = Stream.create();
        ClusterStream<Integer> tens = right.scatter().map((Integer x) -> x * 10);
        List<Integer> results = left.scatter().map((Integer x) -> x + 1).union(tens).gather().sinkToList();

        left.emit(1);
        right.emit(2);
        left.emit(3);

        assertEquals(List.of(2, 20, 4), results);
    }

    @Test
    void partitionGroupsHandlesAndAStepResolvesTheGroup() {
        Stream<Integer> source = Stream.create();
        List<Integer> sums = source.scatter().map((Integer x) -> x + 1).partition(3)
                .map((List<Integer> group) -> group.stream().mapToInt(Integer::intValue).sum()).gather().sinkToList();

        for (int i = 0; i < 9; i++) {
            source.emit(i);
        }

        assertEquals(List.of(6, 15, 24), sums);
        assertEquals(0, CLUSTER.get().storedResults());
    }

    @Test
    void slidingWindowGivesOverlappingFullWindowsAndItsResultsAreFreedOnceNoWindowHoldsThem() throws Exception {
        assertEquals(List.of(List.of(10, 20, 30), List.of(20, 30, 40), List.of(30, 40, 50)), slidingWindowsOf(1, 2, 3, 4, 5));

        // A handle may sit in several windows: its result leaves the cache once the driver holds it no more.
        StoredResults.awaitNoneAfterGc(CLUSTER.get());
    }

    private static List<List<Integer>> slidingWindowsOf(Integer... values) {
        Stream<Integer> source = Stream.create();
        List<List<Integer>> windows = source.scatter().map((Integer x) -> x * 10).slidingWindow(3).gather().sinkToList();
        for (Integer value : values) {
            source.emit(value);
        }
        return List.copyOf(windows);
    }

    @Test
    void timedWindowCollectsTheHandlesOfEachInterval() {
        VirtualScheduler clock = new VirtualScheduler();
        Stream<Integer> source = Stream.create("numbers", clock);
        List<List<Integer>> windows = source.scatter().map((Integer x) -> x + 1).timedWindow(Duration.ofSeconds(1))
                .gather().sinkToList();

        source.emit(1);
        source.emit(2);
        clock.advance(Duration.ofSeconds(1));
        source.drain();
        source.emit(3);
        clock.advance(Duration.ofSeconds(1));
        source.drain();

        assertEquals(List.of(List.of(2, 3), List.of(4)), windows);
    }

    @Test
    void delayPassesEachHandleOnLater() {
        VirtualScheduler clock = new VirtualScheduler();
        Stream<Integer> source = Stream.create("numbers", clock);
        List<Integer> results = source.scatter().map((Integer x) -> -x).delay(Duration.ofSeconds(5)).gather().sinkToList();

        source.emitAsync(1);
        source.emitAsync(2);
        assertEquals(List.of(), results);
        clock.advance(Duration.ofSeconds(5));
        source.drain();

        assertEquals(List.of(-1, -2), results);
    }

    @Test
    void latestPassesTheNewestHandleAndTheDroppedOnesAreFreed() throws Exception {
        List<Integer> results = latestOf(20);

        assertEquals(19, results.get(results.size() - 1));
        for (int i = 1; i < results.size(); i++) {
            assertTrue(results.get(i - 1) < results.get(i), "out of order: " + results);
        }
        StoredResults.awaitNoneAfterGc(CLUSTER.get());
    }

    private static List<Integer> latestOf(int count) {
        Stream<Integer> source = Stream.create();
        List<Integer> results = source.scatter().map((Integer x) -> x).latest().gather().sinkToList();
        for (int i = 0; i < count; i++) {
            source.emit(i);
        }
        source.drain();
        return List.copyOf(results);
    }

    @Test
    void joiningStreamsOfAnotherClusterIsRefused() {
        ClusterStream<Integer> here = Stream.<Integer>create().scatter(CLUSTER.get());
        @SuppressWarnings("unchecked")
        ClusterStream<Integer> foreign = (ClusterStream<Integer>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ClusterStream.class}, (proxy, method, args) -> "<foreign cluster stream>");

        assertThrows(IllegalArgumentException.class, () -> here.zip(foreign));
        assertThrows(IllegalArgumentException.class, () -> here.buffer(0));
        assertThrows(IllegalArgumentException.class, () -> here.partition(0));
        assertThrows(NullPointerException.class, () -> here.delay(null));
    }
}
