package io.streamz.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamz.ErrorHandler;
import io.streamz.Stream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Stored results of element-wise steps lost from the data cache (as when every server holding them
 * restarted) while the tasks that read them wait: they are recomputed from their lineage, so every
 * element still arrives exactly once and in order. Each test parks the reading step behind a zip
 * with a second source, removes every stored result, then lets the step run.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ClusterLostResultsTest {
    private static final int ELEMENTS = 40;

    @RegisterExtension
    static final EmbeddedCluster CLUSTER = new EmbeddedCluster(2);

    private final List<Throwable> reported = new CopyOnWriteArrayList<>();
    private ErrorHandler previous;

    @BeforeEach
    void collectErrors() {
        previous = Stream.setErrorHandler((where, error) -> reported.add(error));
    }

    @AfterEach
    void restoreErrorHandler() {
        Stream.setErrorHandler(previous);
    }

    @Test
    void aLostResultOfAMapIsRecomputedAndEveryElementIsGatheredOnceInOrder() throws Exception {
        Stream<Integer> numbers = Stream.create();
        Stream<Integer> offsets = Stream.create();
        ClusterStream<Integer> tens = numbers.scatter(CLUSTER.get()).map((Integer x) -> x * 10);
        CountDownLatch computed = new CountDownLatch(ELEMENTS);
        tens.gather().sink(x -> computed.countDown());
        List<Integer> results = tens.zip(offsets.scatter(CLUSTER.get()))
                .starmap((Integer ten, Integer offset) -> ten + offset).buffer(64).gather().sinkToList();

        emitThenLoseTheStoredResults(numbers, offsets, computed);

        assertEquals(expected(x -> x * 10 + 1), results);
        assertTrue(reported.isEmpty(), "no element failed: " + reported);
        assertEquals(0, CLUSTER.get().storedResults(), "the recomputed results are removed once read");
    }

    @Test
    void aLostResultWhoseOwnInputWasConsumedIsRecomputedFromItsInputsRecomputedFirst() throws Exception {
        Stream<Integer> numbers = Stream.create();
        Stream<Integer> offsets = Stream.create();
        // tens consumes the results of plusOne whole: once lost, tens can only be recomputed from plusOne again.
        ClusterStream<Integer> tens = numbers.scatter(CLUSTER.get()).map((Integer x) -> x + 1).map((Integer x) -> x * 10);
        CountDownLatch computed = new CountDownLatch(ELEMENTS);
        tens.gather().sink(x -> computed.countDown());
        List<Integer> results = tens.zip(offsets.scatter(CLUSTER.get()))
                .starmap((Integer ten, Integer offset) -> ten + offset).buffer(64).gather().sinkToList();

        emitThenLoseTheStoredResults(numbers, offsets, computed);

        assertEquals(expected(x -> (x + 1) * 10 + 1), results);
        assertTrue(reported.isEmpty(), "no element failed: " + reported);
        assertEquals(0, CLUSTER.get().storedResults(), "the recomputed results are removed once read");
    }

    @Test
    void aGatherFetchingALostResultGetsItRecomputed() throws Exception {
        Stream<Integer> numbers = Stream.create();
        Stream<Integer> offsets = Stream.create();
        ClusterStream<Integer> tens = numbers.scatter(CLUSTER.get()).map((Integer x) -> x * 10);
        CountDownLatch computed = new CountDownLatch(ELEMENTS);
        // A step, not a gather, observes the results: the gather below fetches them only after the loss.
        tens.map((Integer x) -> x).gather().sink(x -> computed.countDown());
        List<List<Object>> pairs = tens.zip(offsets.scatter(CLUSTER.get())).buffer(64).gather().sinkToList();

        emitThenLoseTheStoredResults(numbers, offsets, computed);

        List<List<Object>> expected = new ArrayList<>();
        for (int i = 0; i < ELEMENTS; i++) {
            expected.add(List.of(i * 10, 1));
        }
        assertEquals(expected, pairs);
        assertTrue(reported.isEmpty(), "no element failed: " + reported);
        assertEquals(0, CLUSTER.get().storedResults(), "the recomputed results are removed once read");
    }

    @Test
    void aLostOutputOfAnAccumulateIsNotRecomputedAndFailsSayingSo() throws Exception {
        Stream<Integer> numbers = Stream.create();
        Stream<Integer> offsets = Stream.create();
        ClusterStream<Integer> totals = numbers.scatter(CLUSTER.get()).accumulate((Integer sum, Integer x) -> sum + x, 0);
        CountDownLatch computed = new CountDownLatch(ELEMENTS);
        totals.gather().sink(x -> computed.countDown());
        List<Integer> results = totals.zip(offsets.scatter(CLUSTER.get()))
                .starmap((Integer total, Integer offset) -> total + offset).buffer(64).gather().sinkToList();

        emitThenLoseTheStoredResults(numbers, offsets, computed);

        assertEquals(List.of(), results, "a running total cannot be computed again from the lost output alone");
        assertEquals(ELEMENTS, reported.size());
        for (Throwable error : reported) {
            String message = String.valueOf(error.getMessage());
            assertTrue(message.contains("cannot be recomputed: it is the output of an accumulate"), message);
        }
        assertEquals(0, CLUSTER.get().storedResults());
    }

    /**
     * Emits the numbers, waits until the side gather got every result (so each is stored and still owed
     * to the starmap, which waits for its offset), removes every stored result, then emits the offsets.
     */
    private static void emitThenLoseTheStoredResults(Stream<Integer> numbers, Stream<Integer> offsets, CountDownLatch computed)
            throws InterruptedException {
        for (int i = 0; i < ELEMENTS; i++) {
            numbers.emit(i);
        }
        assertTrue(computed.await(60, TimeUnit.SECONDS), "the first step never answered");
        assertTrue(CLUSTER.get().storedResults() > 0, "the results wait in the data cache for the starmap");
        CLUSTER.get().ignite().cache("streamz-data").removeAll();
        for (int i = 0; i < ELEMENTS; i++) {
            offsets.emit(1);
        }
        numbers.drain();
        offsets.drain();
    }

    private static List<Integer> expected(java.util.function.IntUnaryOperator f) {
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < ELEMENTS; i++) {
            expected.add(f.applyAsInt(i));
        }
        return expected;
    }
}
