package io.streamz.kafka;

import static io.streamz.kafka.KafkaBroker.await;
import static io.streamz.kafka.KafkaBroker.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** from_kafka_batched and its at-least-once commits against a real Kafka broker in this JVM. */
@ExtendWith(KafkaBroker.class)
class KafkaBatchedSourceTest {
    private static final Duration POLL = Duration.ofMillis(50);
    private static final KafkaBatchOptions OPTIONS = new KafkaBatchOptions(POLL, 10);
    private static KafkaBroker broker;

    /** Batches as they leave the source. */
    private final List<List<String>> arrived = new CopyOnWriteArrayList<>();
    /** Batches the slow sink finished. */
    private final List<List<String>> finished = new CopyOnWriteArrayList<>();
    /** One permit lets the slow sink finish one batch. */
    private final Semaphore permits = new Semaphore(0);
    private final List<KafkaBatchedSource<String>> sources = new ArrayList<>();

    @BeforeAll
    static void useTheSharedBroker(KafkaBroker shared) {
        broker = shared;
    }

    @AfterEach
    void releaseTheSlowSinkAndDestroyTheSources() {
        permits.release(10_000);
        sources.forEach(KafkaBatchedSource::destroy);
    }

    @Test
    void emitsBatchesOfOnePartitionEachOfAtMostMaxBatchSizeInOffsetOrder() throws Exception {
        String topic = broker.newTopic(2);
        broker.produce(topic, 0, 0, 25);
        broker.produce(topic, 1, 100, 105);
        KafkaBatchedSource<String> source = source(topic, "batches");
        source.sink(arrived::add);

        source.start();
        await(() -> total(arrived) == 30);

        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        for (List<String> batch : arrived) {
            assertTrue(batch.size() <= 10, "batch of " + batch.size());
            (lines(0, 25).contains(batch.get(0)) ? first : second).addAll(batch);
        }
        assertEquals(lines(0, 25), first);
        assertEquals(lines(100, 105), second);
    }

    @Test
    void withoutCommittedOffsetsOrAutoOffsetResetItStartsAtTheLatestAsStreamz() throws Exception {
        String topic = broker.newTopic(1);
        broker.produce(topic, 0, 0, 5);
        Map<String, Object> params = params("latest");
        params.remove("auto.offset.reset");
        KafkaBatchedSource<String> source = KafkaSource.fromKafkaBatched(topic, params, OPTIONS);
        sources.add(source);
        source.sink(arrived::add);
        source.start();

        // When the source takes its position is its own business: produce until something arrives.
        for (int i = 5; arrived.isEmpty() && i < 500; i++) {
            broker.produce(topic, 0, i, i + 1);
        }

        await(() -> !arrived.isEmpty());
        assertTrue(arrived.stream().flatMap(List::stream).noneMatch(lines(0, 5)::contains), arrived.toString());
    }

    @Test
    void commitsABatchOnlyOnceTheSlowSinkBehindABufferFinishedIt() throws Exception {
        String topic = broker.newTopic(1);
        broker.produce(topic, 0, 0, 30);
        String group = "slow-" + topic;
        KafkaBatchedSource<String> source = source(topic, group);
        source.sink(arrived::add);
        source.buffer(10).sink(this::slowly);

        source.start();
        await(() -> total(arrived) == 30);
        assertNothingMoreCommitted(group, topic, -1);

        permits.release(1);
        awaitCommitted(group, topic, arrived.get(0).size());
        permits.release(100);
        awaitCommitted(group, topic, 30);
    }

    @Test
    void aSlidingWindowHoldsTheCommitBackUntilItsBatchesLeftIt() throws Exception {
        String topic = broker.newTopic(1);
        String group = "window-" + topic;
        KafkaBatchedSource<String> source = source(topic, group);
        source.sink(arrived::add);
        List<List<List<String>>> windows = source.slidingWindow(2).sinkToList();
        source.start();

        for (int round = 1; round <= 3; round++) {
            broker.produce(topic, 0, (round - 1) * 10, round * 10);
            int produced = round * 10;
            await(() -> total(arrived) == produced);
        }

        // The window holds the last two batches; everything before them is done.
        int held = arrived.get(arrived.size() - 1).size() + arrived.get(arrived.size() - 2).size();
        awaitCommitted(group, topic, 30 - held);
        assertNothingMoreCommitted(group, topic, 30 - held);
        assertEquals(arrived.size() - 1, windows.size());
    }

    @Test
    void aBatchDoneBeforeAnOlderOneWaitsForItsCommit() throws Exception {
        String topic = broker.newTopic(1);
        String group = "order-" + topic;
        KafkaBatchedSource<String> source = source(topic, group);
        source.sink(arrived::add);
        // latest: the first batch goes to the slow sink, the next waits and is dropped by the one after.
        source.latest().sink(this::slowly);
        source.start();
        for (int round = 1; round <= 3; round++) {
            broker.produce(topic, 0, (round - 1) * 10, round * 10);
            int produced = round * 10;
            await(() -> total(arrived) == produced);
        }

        assertNothingMoreCommitted(group, topic, -1);

        permits.release(1); // the first batch is done; the sink takes the last one
        List<String> last = arrived.get(arrived.size() - 1);
        awaitCommitted(group, topic, 30 - last.size());
        permits.release(1);
        awaitCommitted(group, topic, 30);
        assertEquals(List.of(arrived.get(0), last), finished);
    }

    @Test
    void aConsumerRestartedInTheGroupAfterACrashReadsAgainExactlyTheBatchesNotDone() throws Exception {
        String topic = broker.newTopic(1);
        broker.produce(topic, 0, 0, 50);
        String group = "crash-" + topic;
        KafkaBatchedSource<String> first = source(topic, group);
        first.sink(arrived::add);
        first.buffer(10).sink(this::slowly);
        first.start();
        await(() -> total(arrived) == 50);
        permits.release(1);
        int done = arrived.get(0).size();
        awaitCommitted(group, topic, done);

        // The others are in the buffer or the sink when the source goes: nothing of them was committed.
        first.destroy();
        KafkaBatchedSource<String> second = source(topic, group);
        List<List<String>> again = second.sinkToList();
        second.start();

        await(() -> total(again) == 50 - done);
        assertNothingMoreCommitted(group, topic, 50);
        assertEquals(lines(done, 50), again.stream().flatMap(List::stream).toList());
        assertEquals(50 - done, total(again), "nothing read twice by the second consumer");
    }

    @Test
    void badArgumentsFailAtOnceSayingWhatIsWrong() {
        Map<String, Object> noGroup = params("x");
        noGroup.remove("group.id");

        assertMessage("needs a topic", () -> KafkaSource.fromKafkaBatched(" ", params("x")));
        assertMessage("fromKafkaBatched needs the consumer parameter group.id", () -> KafkaSource.fromKafkaBatched("t", noGroup));
        assertMessage("pollInterval", () -> new KafkaBatchOptions(Duration.ZERO, 10));
        assertMessage("maxBatchSize", () -> KafkaBatchOptions.DEFAULTS.withMaxBatchSize(0));
        assertMessage("options are null", () -> KafkaSource.fromKafkaBatched("t", params("x"), null));
    }

    @Test
    void toStringNamesTheOperatorAndTopic() {
        KafkaBatchedSource<String> source = source("clicks", "names");
        assertEquals("<from_kafka_batched: clicks>", source.toString());
    }

    /** Finishes {@code batch} once the test gives a permit. */
    private void slowly(List<String> batch) {
        permits.acquireUninterruptibly();
        finished.add(batch);
    }

    private KafkaBatchedSource<String> source(String topic, String group) {
        KafkaBatchedSource<String> source = KafkaSource.fromKafkaBatched(topic, params(group), OPTIONS);
        sources.add(source);
        return source;
    }

    private static Map<String, Object> params(String group) {
        return broker.stringConsumerParams(group);
    }

    private static void awaitCommitted(String group, String topic, long offset) throws InterruptedException {
        await(() -> committed(group, topic) == offset);
    }

    /** The committed offset is {@code offset} and stays so for several polls (commits happen at polls). */
    private static void assertNothingMoreCommitted(String group, String topic, long offset) throws InterruptedException {
        Thread.sleep(POLL.toMillis() * 6);
        assertEquals(offset, committed(group, topic));
    }

    private static long committed(String group, String topic) {
        try {
            return broker.committed(group, topic, 0);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int total(List<List<String>> batches) {
        return batches.stream().mapToInt(List::size).sum();
    }

    private static List<String> lines(int from, int to) {
        return IntStream.range(from, to).mapToObj(KafkaBroker::line).toList();
    }

    private static void assertMessage(String expected, Runnable call) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, call::run);
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }
}
