package io.streamz.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamz.ErrorHandler;
import io.streamz.Stream;
import io.streamz.kafka.KafkaSourceOptions.OnPoisonRecord;
import io.streamz.kafka.KafkaSourceOptions.OnUnreachable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.IntegerDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** from_kafka against a real Kafka broker (KRaft, one combined node) in this JVM. */
@ExtendWith(KafkaBroker.class)
class KafkaSourceTest {
    private static final Duration WAIT = KafkaBroker.WAIT;
    private static KafkaBroker kafka;

    @BeforeAll
    static void broker(KafkaBroker broker) {
        kafka = broker;
    }

    @Test
    void emitsTheValuesOfRecordsProducedBeforeAndAfterTheStartInOrder() throws Exception {
        String topic = newTopic(1);
        produce(topic, 0, 100);
        KafkaSource<byte[]> source = KafkaSource.fromKafka(List.of(topic), params("readers"));
        List<String> lines = source.map((byte[] v) -> new String(v, StandardCharsets.UTF_8)).sinkToList();

        source.start();
        await(() -> lines.size() == 100);
        produce(topic, 100, 150);
        await(() -> lines.size() == 150);

        assertEquals(IntStream.range(0, 150).mapToObj(KafkaSourceTest::line).toList(), new ArrayList<>(lines));
        source.destroy();
    }

    @Test
    void aValueDeserializerFromTheParametersSetsTheElementType() throws Exception {
        String topic = newTopic(1);
        produce(topic, 0, 3);
        Map<String, Object> params = params("strings");
        params.put("value.deserializer", StringDeserializer.class);
        KafkaSource<String> source = KafkaSource.fromKafka(List.of(topic), params);
        List<String> lines = source.sinkToList();

        source.start();
        await(() -> lines.size() == 3);

        assertEquals(List.of("line 0", "line 1", "line 2"), new ArrayList<>(lines));
        source.destroy();
    }

    /**
     * A source destroyed while downstream holds it up leaves what it fetched but did not emit to the
     * group's next consumer, which starts exactly after the last record accepted: with the source's
     * own commits, and with Kafka's auto-commit (which would otherwise commit the whole batch at close).
     */
    @ParameterizedTest(name = "enable.auto.commit={0}")
    @ValueSource(booleans = {false, true})
    void theNextConsumerOfTheGroupGetsEveryRecordOnce(boolean autoCommit) throws Exception {
        String topic = newTopic(1);
        produce(topic, 0, 50);
        Map<String, Object> params = withStrings(params("once"));
        params.put("enable.auto.commit", String.valueOf(autoCommit));
        params.put("max.poll.records", "50");

        KafkaSource<String> first = KafkaSource.fromKafka(List.of(topic), params);
        List<String> seen = new CopyOnWriteArrayList<>();
        CountDownLatch twentyIn = new CountDownLatch(20);
        CountDownLatch release = new CountDownLatch(1);
        first.sink(line -> {
            seen.add(line);
            twentyIn.countDown();
            if (seen.size() == 20) {
                awaitRelease(release);
            }
        });
        first.start();
        assertTrue(twentyIn.await(WAIT.toSeconds(), TimeUnit.SECONDS));
        // The 20th record is held downstream; the 30 others of the batch wait in the source.
        first.destroy();
        release.countDown();
        first.drain();

        KafkaSource<String> second = KafkaSource.fromKafka(List.of(topic), params);
        List<String> rest = second.sinkToList();
        second.start();
        await(() -> rest.size() >= 30);
        Thread.sleep(500);

        List<String> all = new ArrayList<>(seen);
        all.addAll(rest);
        assertEquals(IntStream.range(0, 50).mapToObj(KafkaSourceTest::line).toList(), all);
        second.destroy();
    }

    @Test
    void aFailingSinkIsReportedAndTheSourceGoesOn() throws Exception {
        String topic = newTopic(1);
        produce(topic, 0, 5);
        List<Throwable> reported = new CopyOnWriteArrayList<>();
        ErrorHandler previous = Stream.setErrorHandler((where, error) -> reported.add(error));
        try {
            KafkaSource<String> source = KafkaSource.fromKafka(List.of(topic), withStrings(params("failing")));
            List<String> passed = new CopyOnWriteArrayList<>();
            source.sink(line -> {
                if (line.equals("line 2")) {
                    throw new IllegalStateException("bad line");
                }
                passed.add(line);
            });
            source.start();
            await(() -> passed.size() == 4);

            assertEquals(List.of("line 0", "line 1", "line 3", "line 4"), passed);
            assertEquals("bad line", reported.get(0).getMessage());
            source.destroy();
        } finally {
            Stream.setErrorHandler(previous);
        }
    }

    @Test
    void stopPausesAndStartResumes() throws Exception {
        String topic = newTopic(1);
        produce(topic, 0, 10);
        KafkaSource<String> source = KafkaSource.fromKafka(List.of(topic), withStrings(params("pausing")));
        List<String> lines = source.sinkToList();
        source.start();
        await(() -> lines.size() == 10);

        source.stop();
        source.drain();
        assertFalse(source.isRunning());
        produce(topic, 10, 20);
        Thread.sleep(300);
        assertEquals(10, lines.size());

        source.start();
        await(() -> lines.size() == 20);
        assertEquals(IntStream.range(0, 20).mapToObj(KafkaSourceTest::line).toList(), new ArrayList<>(lines));
        source.destroy();
    }

    @Test
    void aSourceWhoseBrokerIsGoneStillStopsAndCloses() {
        Map<String, Object> params = params("nowhere");
        params.put("bootstrap.servers", "127.0.0.1:1");
        KafkaSource<byte[]> source = KafkaSource.fromKafka(List.of("t"), params);
        source.sinkToList();
        source.start();

        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            Thread.sleep(300);
            source.destroy();
            source.drain();
        });
        assertFalse(source.isRunning());
    }

    @Test
    void tombstonesAreSkippedAsStreamzSkipsThem() throws Exception {
        String topic = newTopic(1);
        kafka.produce(topic, Arrays.asList(bytes("a"), null, bytes("c")));
        KafkaSource<String> source = KafkaSource.fromKafka(List.of(topic), withStrings(params("tombstones")));
        List<String> values = source.sinkToList();

        source.start();
        await(() -> values.size() >= 2);
        kafka.produce(topic, List.of(bytes("d")));
        await(() -> values.size() >= 3);

        assertEquals(List.of("a", "c", "d"), new ArrayList<>(values));
        source.destroy();
    }

    @Test
    void tombstonesAreEmittedAsNullWhenKept() throws Exception {
        String topic = newTopic(1);
        kafka.produce(topic, Arrays.asList(bytes("a"), null, bytes("c")));
        KafkaSource<String> source = KafkaSource.fromKafka(List.of(topic), withStrings(params("tombstones")),
                KafkaSourceOptions.defaults().withTombstones(true));
        List<String> values = source.sinkToList();

        source.start();
        await(() -> values.size() == 3);

        assertEquals(Arrays.asList("a", null, "c"), new ArrayList<>(values));
        source.destroy();
    }

    @Test
    void aPoisonRecordIsReportedWithItsPlaceAndSkipped() throws Exception {
        String topic = newTopic(1);
        kafka.produce(topic, List.of(integer(0), bytes("bad"), integer(2)));
        List<Throwable> reported = new CopyOnWriteArrayList<>();
        ErrorHandler previous = Stream.setErrorHandler((where, error) -> reported.add(error));
        try {
            KafkaSource<Integer> source = KafkaSource.fromKafka(List.of(topic), withIntegers(params("poison")));
            List<Integer> values = source.sinkToList();

            source.start();
            await(() -> values.size() == 2);

            assertEquals(List.of(0, 2), new ArrayList<>(values));
            PoisonRecordException poison = assertInstanceOf(PoisonRecordException.class, reported.get(0));
            assertEquals(new TopicPartition(topic, 0), poison.partition());
            assertEquals(1, poison.offset());
            assertTrue(poison.getMessage().contains("skipped"), poison.getMessage());
            assertTrue(source.isRunning());
            source.destroy();
        } finally {
            Stream.setErrorHandler(previous);
        }
    }

    @Test
    void aPoisonRecordStopsTheSourceBeforeItWhenAskedTo() throws Exception {
        String topic = newTopic(1);
        kafka.produce(topic, List.of(integer(0), bytes("bad"), integer(2)));
        List<Throwable> reported = new CopyOnWriteArrayList<>();
        ErrorHandler previous = Stream.setErrorHandler((where, error) -> reported.add(error));
        try {
            KafkaSource<Integer> source = KafkaSource.fromKafka(List.of(topic), withIntegers(params("poison")),
                    KafkaSourceOptions.defaults().withPoisonRecords(OnPoisonRecord.STOP));
            List<Integer> values = source.sinkToList();

            source.start();
            await(() -> !reported.isEmpty() && !source.isRunning());

            assertEquals(List.of(0), new ArrayList<>(values));
            PoisonRecordException poison = assertInstanceOf(PoisonRecordException.class, reported.get(0));
            assertEquals(1, poison.offset());
            assertTrue(poison.getMessage().contains("stopped"), poison.getMessage());
            source.destroy();
        } finally {
            Stream.setErrorHandler(previous);
        }
    }

    /** The default: report, keep polling, so that the source goes on by itself once a broker is back. */
    @Test
    void anUnreachableBrokerIsReportedWithinTheTimeoutAndTheSourceKeepsTrying() throws Exception {
        List<Throwable> reported = new CopyOnWriteArrayList<>();
        ErrorHandler previous = Stream.setErrorHandler((where, error) -> reported.add(error));
        try {
            KafkaSource<byte[]> source = KafkaSource.fromKafka(List.of("t"), nowhere(),
                    KafkaSourceOptions.defaults().withUnreachableBroker(Duration.ofSeconds(1), OnUnreachable.RETRY));
            source.sinkToList();

            source.start();
            await(() -> !reported.isEmpty());

            BrokerUnreachableException unreachable = assertInstanceOf(BrokerUnreachableException.class, reported.get(0));
            assertTrue(unreachable.getMessage().contains("127.0.0.1:1"), unreachable.getMessage());
            assertTrue(unreachable.getMessage().contains("still trying"), unreachable.getMessage());
            assertTrue(source.isRunning());
            source.destroy();
        } finally {
            Stream.setErrorHandler(previous);
        }
    }

    @Test
    void anUnreachableBrokerStopsTheSourceWhenAskedTo() throws Exception {
        List<Throwable> reported = new CopyOnWriteArrayList<>();
        ErrorHandler previous = Stream.setErrorHandler((where, error) -> reported.add(error));
        try {
            KafkaSource<byte[]> source = KafkaSource.fromKafka(List.of("t"), nowhere(),
                    KafkaSourceOptions.defaults().withUnreachableBroker(Duration.ofSeconds(1), OnUnreachable.STOP));
            source.sinkToList();

            source.start();
            await(() -> !reported.isEmpty() && !source.isRunning());

            assertInstanceOf(BrokerUnreachableException.class, reported.get(0));
            assertTrue(reported.get(0).getMessage().contains("stopped"), reported.get(0).getMessage());
            source.destroy();
        } finally {
            Stream.setErrorHandler(previous);
        }
    }

    /** Empty polls on a live broker look like a lost one to a consumer: the watch must tell them apart. */
    @Test
    void anIdleTopicOnALiveBrokerIsNotReportedAsUnreachable() throws Exception {
        String topic = newTopic(1);
        KafkaSource<byte[]> source = KafkaSource.fromKafka(List.of(topic), params("idle"),
                KafkaSourceOptions.defaults().withUnreachableBroker(Duration.ofMillis(1500), OnUnreachable.STOP));
        source.sinkToList();
        List<Throwable> reported = new CopyOnWriteArrayList<>();
        ErrorHandler previous = Stream.setErrorHandler((where, error) -> {
            if (where == source) {
                reported.add(error);
            }
        });
        try {
            source.start();
            Thread.sleep(4_000); // more than two timeouts of silence: nothing may be reported

            assertEquals(List.of(), reported);
            assertTrue(source.isRunning());
            source.destroy();
        } finally {
            Stream.setErrorHandler(previous);
        }
    }

    @Test
    void badArgumentsFailAtOnceSayingWhatIsMissing() {
        Map<String, Object> noGroup = new HashMap<>(params("x"));
        noGroup.remove("group.id");
        Map<String, Object> noServers = new HashMap<>(params("x"));
        noServers.remove("bootstrap.servers");
        Map<String, Object> badDeserializer = params("x");
        badDeserializer.put("value.deserializer", "no.such.Deserializer");

        assertMessage("at least one topic", () -> KafkaSource.fromKafka(List.of(), params("x")));
        assertMessage("group.id", () -> KafkaSource.fromKafka(List.of("t"), noGroup));
        assertMessage("bootstrap.servers", () -> KafkaSource.fromKafka(List.of("t"), noServers));
        assertMessage("no.such.Deserializer", () -> KafkaSource.fromKafka(List.of("t"), badDeserializer));
        assertMessage("pollInterval", () -> KafkaSource.fromKafka(List.of("t"), params("x"), Duration.ZERO));
        assertMessage("unreachableAfter", () -> KafkaSourceOptions.defaults().withUnreachableBroker(Duration.ZERO, OnUnreachable.RETRY));
        assertMessage("options", () -> KafkaSource.fromKafka(List.of("t"), params("x"), (KafkaSourceOptions) null));
    }

    @Test
    void toStringNamesTheOperatorAndTopics() {
        KafkaSource<byte[]> source = KafkaSource.fromKafka(List.of("clicks", "views"), params("names"));
        assertEquals("<from_kafka: clicks, views>", source.toString());
        source.destroy();
    }

    private static void assertMessage(String expected, Runnable call) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, call::run);
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }

    private static Map<String, Object> params(String group) {
        Map<String, Object> params = new HashMap<>();
        params.put("bootstrap.servers", kafka.bootstrapServers());
        params.put("group.id", group + "-" + UUID.randomUUID());
        params.put("auto.offset.reset", "earliest");
        return params;
    }

    private static Map<String, Object> withIntegers(Map<String, Object> params) {
        params.put("value.deserializer", IntegerDeserializer.class);
        return params;
    }

    private static Map<String, Object> nowhere() {
        Map<String, Object> params = params("nowhere");
        params.put("bootstrap.servers", "127.0.0.1:1");
        return params;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] integer(int value) {
        return ByteBuffer.allocate(Integer.BYTES).putInt(value).array();
    }

    private static Map<String, Object> withStrings(Map<String, Object> params) {
        params.put("value.deserializer", StringDeserializer.class);
        return params;
    }

    private static String newTopic(int partitions) throws Exception {
        return kafka.newTopic(partitions);
    }

    private static void produce(String topic, int from, int to) throws Exception {
        kafka.produce(topic, IntStream.range(from, to).mapToObj(i -> line(i).getBytes(StandardCharsets.UTF_8)).toList());
    }

    private static void awaitRelease(CountDownLatch release) {
        try {
            release.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String line(int i) {
        return "line " + i;
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(condition.getAsBoolean(), "not within " + WAIT);
    }
}
