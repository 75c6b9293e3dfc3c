package io.streamz.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamz.ErrorHandler;
import io.streamz.Stream;
import io.streamz.cluster.internal.driver.TaskEvents;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.ignite.Ignition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Cluster accumulateByKey: one state per key, keys in parallel, each key's elements in emit order. */
class ClusterAccumulateByKeyTest {
    @RegisterExtension
    static final EmbeddedCluster CLUSTER = new EmbeddedCluster(2);

    @Test
    void wordCountsByKeyEqualALocalComputationInEmitOrder() {
        Stream<String> source = Stream.create();
        List<Integer> counts = source.scatter().accumulateByKey((String word) -> word, (Integer count, String word) -> count + 1, 0)
                .buffer(32).gather().sinkToList();
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            words.add("w" + (i * 7919 % 37));
        }

        words.forEach(source::emit);
        source.drain();

        assertEquals(locally(words, word -> word, (count, word) -> count + 1, 0), counts);
    }

    @Test
    void eachKeysElementsAreAppliedInEmitOrderWhileManyKeysRunAtOnce() {
        Stream<Integer> source = Stream.create();
        // Uneven map times make inputs complete out of order, and uneven accumulate times let a key's
        // later elements catch up with its earlier ones; acc * 31 + x shows any reordering per key.
        List<Long> states = source.scatter().map((Integer x) -> {
                    Thread.sleep(x % 5 == 0 ? 2 : 0);
                    return x;
                }).accumulateByKey((Integer x) -> x % 12, (Long acc, Integer x) -> {
                    Thread.sleep(x % 16 == 0 ? 3 : 0);
                    return acc * 31 + x;
                }, 7L)
                .buffer(64).gather().sinkToList();
        List<Integer> elements = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            elements.add(i);
        }

        elements.forEach(source::emit);
        source.drain();

        assertEquals(locally(elements, x -> x % 12, (acc, x) -> acc * 31 + x, 7L), states);
        assertEquals(0, CLUSTER.get().storedResults());
    }

    @Test
    void differentKeysAreAppliedAtTheSameMoment() {
        Meeting.expect(2);
        Stream<String> source = Stream.create();
        // Each element waits until another is inside the function too: applied one at a time, they
        // would all time out. Eight keys: at least two lie in different partitions (all in one of
        // the 128 partitions has odds of 1 in 128^7).
        List<Boolean> met = source.scatter().accumulateByKey((String key) -> key, (Boolean any, String key) -> Meeting.arrive(), false)
                .buffer(8).gather().sinkToList();

        for (String key : List.of("a", "b", "c", "d", "e", "f", "g", "h")) {
            source.emit(key);
        }
        source.drain();

        assertEquals(List.of(true, true, true, true, true, true, true, true), met);
    }

    @Test
    void elementsBeyondTheServersThreadsShareTasksEvenWhenTheFunctionIsSlow() throws Exception {
        Stream<Integer> source = Stream.create();
        List<Integer> counts = source.scatter().accumulateByKey((Integer x) -> x % 200, (Integer n, Integer x) -> {
            Thread.sleep(1);
            return n + 1;
        }, 0).buffer(256).gather().sinkToList();
        List<Integer> elements = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            elements.add(i);
        }
        AtomicInteger tasks = new AtomicInteger();

        try (AutoCloseable counting = TaskEvents.listen(task -> {
            if (task.what().contains("accumulateByKey")) {
                tasks.incrementAndGet();
            }
        })) {
            elements.forEach(source::emit);
            source.drain();
        }

        assertEquals(locally(elements, x -> x % 200, (n, x) -> n + 1, 0), counts);
        // 2 servers of 8 threads have at most 20 slots (fewer with fewer CPUs) for about 256 elements
        // held: at least 13 per task. A slow function's elements one per task would make more than 1,000 tasks.
        assertTrue(tasks.get() < 500, tasks.get() + " tasks for 1,000 elements");
    }

    @Test
    void aFailingKeyFunctionOrANullKeyFailsThatElementOnly() {
        Stream<Integer> source = Stream.create();
        List<Integer> sums = source.scatter().accumulateByKey((Integer x) -> {
            if (x == 13) {
                throw new IllegalArgumentException("unlucky: " + x);
            }
            return x == 14 ? null : x % 2;
        }, (Integer sum, Integer x) -> sum + x, 0).gather().sinkToList();

        source.emit(1);
        source.emit(2);
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> source.emit(13));
        NullPointerException nullKey = assertThrows(NullPointerException.class, () -> source.emit(14));
        source.emit(3);
        source.emit(4);

        assertEquals("unlucky: 13", thrown.getMessage());
        assertTrue(nullKey.getMessage().contains("key function returned null for 14"), nullKey.getMessage());
        assertEquals(List.of(1, 2, 4, 6), sums);
    }

    @Test
    void aFailingFunctionLeavesItsKeysStateAsItWas() {
        Stream<Integer> source = Stream.create();
        List<Integer> sums = source.scatter().accumulateByKey((Integer x) -> "k", (Integer sum, Integer x) -> {
            if (x < 0) {
                throw new IllegalStateException("negative: " + x);
            }
            return sum + x;
        }, 0).gather().sinkToList();

        source.emit(5);
        assertThrows(IllegalStateException.class, () -> source.emit(-1));
        source.emit(6);

        assertEquals(List.of(5, 11), sums);
    }

    @Test
    void destroyingTheStepRemovesEveryKeysStateFromTheCluster() throws InterruptedException {
        StoredResults.awaitNoStatesAfterGc(CLUSTER.get());
        Stream<Integer> source = Stream.create();
        ClusterStream<Integer> counts = source.scatter().accumulateByKey((Integer x) -> x % 10, (Integer n, Integer x) -> n + 1, 0);
        List<Integer> results = counts.buffer(8).gather().sinkToList();
        for (int i = 0; i < 40; i++) {
            source.emit(i);
        }
        source.drain();
        // Drained is not done: the stream may go on, so the states stay, one per key.
        assertEquals(10, CLUSTER.get().storedStates());

        counts.destroy();

        StoredResults.awaitNoStatesAfterGc(CLUSTER.get());
        assertEquals(40, results.size());
    }

    @Test
    void aKeyedAccumulateNothingCanReachAnyMoreLeavesNoStateBehind() throws InterruptedException {
        StoredResults.awaitNoStatesAfterGc(CLUSTER.get());
        assertEquals(List.of(1, 1, 1, 2, 2, 2), countsOfSixElementsOfThreeKeys());

        StoredResults.awaitNoStatesAfterGc(CLUSTER.get());
    }

    @Test
    void closingTheDriverRemovesItsKeyedStates() throws InterruptedException {
        StoredResults.awaitNoStatesAfterGc(CLUSTER.get());
        try (IgniteCluster second = IgniteCluster.connect(CLUSTER.get().discoveryAddresses().toArray(String[]::new))) {
            Stream<Integer> source = Stream.create();
            List<Integer> counts = source.scatter(second).accumulateByKey((Integer x) -> x % 3, (Integer n, Integer x) -> n + 1, 0)
                    .gather().sinkToList();
            for (int i = 0; i < 6; i++) {
                source.emit(i);
            }
            assertEquals(List.of(1, 1, 1, 2, 2, 2), counts);
            assertEquals(3, CLUSTER.get().storedStates());
        }

        assertEquals(0, CLUSTER.get().storedStates());
    }

    @Test
    void oneOfThreeServersStoppedMidStreamLosesNothingAndAppliesNothingTwice() {
        List<Throwable> reported = new CopyOnWriteArrayList<>();
        ErrorHandler previous = Stream.setErrorHandler((where, error) -> reported.add(error));
        try (IgniteCluster cluster = IgniteCluster.local(3)) {
            Stream<Integer> source = Stream.create();
            List<Long> sums = source.scatter(cluster).map((Integer x) -> {
                Thread.sleep(1);
                return x + 1;
            }).accumulateByKey((Integer x) -> x % 100, (Long sum, Integer x) -> sum + x, 0L).buffer(32).gather().sinkToList();
            List<Integer> elements = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                elements.add(i);
            }

            for (int i : elements) {
                if (i == elements.size() / 3) {
                    Ignition.stop(cluster.serverNames().get(1), true);
                }
                source.emit(i);
            }
            source.drain();

            assertEquals(List.of(), reported);
            assertEquals(locally(elements, x -> (x + 1) % 100, (sum, x) -> sum + x + 1, 0L), sums);
            assertEquals(0, cluster.storedResults());
        } finally {
            Stream.setErrorHandler(previous);
        }
    }

    private static List<Integer> countsOfSixElementsOfThreeKeys() {
        Stream<Integer> source = Stream.create();
        List<Integer> results = source.scatter().accumulateByKey((Integer x) -> x % 3, (Integer n, Integer x) -> n + 1, 0)
                .gather().sinkToList();
        for (int i = 0; i < 6; i++) {
            source.emit(i);
        }
        source.drain();
        assertEquals(3, CLUSTER.get().storedStates());
        return results;
    }

    /** What a keyed accumulate gives, computed here: each element's new state for its key. */
    private static <T, K, S> List<S> locally(List<T> elements, Function<T, K> key, java.util.function.BiFunction<S, T, S> f, S start) {
        Map<K, S> states = new HashMap<>();
        List<S> out = new ArrayList<>();
        for (T x : elements) {
            S next = f.apply(states.getOrDefault(key.apply(x), start), x);
            states.put(key.apply(x), next);
            out.add(next);
        }
        return out;
    }

    /** Where functions running on the embedded servers (same JVM) wait for each other. */
    static final class Meeting {
        private static volatile CountDownLatch arrived;

        static void expect(int parties) {
            arrived = new CountDownLatch(parties);
        }

        /** Whether another party arrived while this one waited, within 10 s. */
        static boolean arrive() throws InterruptedException {
            arrived.countDown();
            return arrived.await(10, TimeUnit.SECONDS);
        }
    }
}
