package io.streamz.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamz.ErrorHandler;
import io.streamz.Stream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** from_kafka against a real Kafka broker (KRaft, one combined node) in this JVM. */
class KafkaSourceTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static KafkaClusterTestKit kafka;
    private static int topics;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                // One broker: the consumer offsets topic cannot have Kafka's default 3 replicas.
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        kafka.format();
        kafka.startup();
        kafka.waitForReadyBrokers();
    }

    @AfterAll
    static void stopKafka() throws Exception {
        kafka.close();
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
        params.put("group.id", group + "-" + topics);
        params.put("auto.offset.reset", "earliest");
        return params;
    }

    private static Map<String, Object> withStrings(Map<String, Object> params) {
        params.put("value.deserializer", StringDeserializer.class);
        return params;
    }

    private static String newTopic(int partitions) throws Exception {
        String topic = "topic-" + (++topics);
        try (var admin = kafka.admin()) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
        return topic;
    }

    private static void produce(String topic, int from, int to) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (int i = from; i < to; i++) {
                producer.send(new ProducerRecord<>(topic, line(i))).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            }
        }
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
