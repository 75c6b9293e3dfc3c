package io.streamz.kafka;

import static io.streamz.kafka.KafkaBroker.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamz.ErrorHandler;
import io.streamz.Stream;
import io.streamz.kafka.KafkaSourceOptions.OnPoisonRecord;
import io.streamz.kafka.KafkaSourceOptions.OnUnreachable;
import io.streamz.local.core.InputPosition;
import io.streamz.local.core.Refs;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.IntegerDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * from_kafka_batched meets what fromKafka meets (tombstones, poison records, no broker) as fromKafka
 * does, and its commits pass only records done or skipped on purpose; against a real broker in this JVM.
 */
@ExtendWith(KafkaBroker.class)
class KafkaBatchedSourceFaultsTest {
    private static final KafkaBatchOptions OPTIONS = new KafkaBatchOptions(Duration.ofMillis(50), 10);
    private static KafkaBroker broker;

    private final List<Throwable> reported = new CopyOnWriteArrayList<>();
    private final List<KafkaBatchedSource<?>> sources = new ArrayList<>();
    private ErrorHandler previous;

    @BeforeAll
    static void useTheSharedBroker(KafkaBroker shared) {
        broker = shared;
    }

    @BeforeEach
    void collectReports() {
        previous = Stream.setErrorHandler((where, error) -> reported.add(error));
    }

    @AfterEach
    void destroyTheSourcesAndRestoreTheHandler() {
        sources.forEach(KafkaBatchedSource::destroy);
        Stream.setErrorHandler(previous);
    }

    @Test
    void tombstonesAreLeftOutOfTheBatchesAndCommittedPast() throws Exception {
        String topic = broker.newTopic(1);
        broker.produce(topic, Arrays.asList(bytes("a"), null, bytes("c"), null));
        String group = "tombstones-" + topic;
        KafkaBatchedSource<String> source = source(topic, strings(group), OPTIONS);
        List<List<String>> batches = source.sinkToList();

        source.start();
        await(() -> committed(group, topic) == 4);

        assertEquals(List.of("a", "c"), flat(batches));
        assertTrue(batches.stream().noneMatch(List::isEmpty), "no empty batch: " + batches);
    }

    @Test
    void eachFlattenedValueCarriesItsOwnRecordsOffsetPastTheTombstones() throws Exception {
        String topic = broker.newTopic(1);
        broker.produce(topic, Arrays.asList(bytes("a"), null, bytes("c"), bytes("d")));
        KafkaBatchedSource<String> source = source(topic, strings("positions-" + topic), OPTIONS);
        List<String> positions = new CopyOnWriteArrayList<>();
        source.<String>flatten().sink(value -> {
            InputPosition position = Refs.current().position();
            positions.add(value + "@" + position.partition().name() + ":" + position.offset());
        });

        source.start();
        await(() -> positions.size() == 3);

        assertEquals(List.of("a@" + topic + "/0:0", "c@" + topic + "/0:2", "d@" + topic + "/0:3"), positions);
    }

    @Test
    void tombstonesAreKeptAsNullWhenAsked() throws Exception {
        String topic = broker.newTopic(1);
        broker.produce(topic, Arrays.asList(bytes("a"), null, bytes("c")));
        KafkaBatchedSource<String> source = source(topic, strings("kept-" + topic), OPTIONS.withTombstones(true));
        List<List<String>> batches = source.sinkToList();

        source.start();
        await(() -> flat(batches).size() == 3);

        assertEquals(Arrays.asList("a", null, "c"), flat(batches));
    }

    @Test
    void aPoisonRecordIsReportedAndSkippedTheRestGoesOnAndCommitsPassIt() throws Exception {
        String topic = broker.newTopic(1);
        broker.produce(topic, List.of(integer(0), bytes("bad"), integer(2), integer(3)));
        String group = "poison-" + topic;
        KafkaBatchedSource<Integer> source = source(topic, integers(group), OPTIONS);
        List<List<Integer>> batches = source.sinkToList();

        source.start();
        await(() -> committed(group, topic) == 4);

        assertEquals(List.of(0, 2, 3), flat(batches));
        PoisonRecordException poison = assertInstanceOf(PoisonRecordException.class, reported.get(0));
        assertEquals(new TopicPartition(topic, 0), poison.partition());
        assertEquals(1, poison.offset());
        assertTrue(poison.getMessage().contains("fromKafkaBatched") && poison.getMessage().contains("skipped"), poison.getMessage());
        assertTrue(source.isRunning());
    }

    @Test
    void aPoisonRecordStopsTheSourceBeforeItAndCommitsNeverPassIt() throws Exception {
        String topic = broker.newTopic(1);
        broker.produce(topic, List.of(integer(0), bytes("bad"), integer(2)));
        String group = "poison-stop-" + topic;
        KafkaBatchedSource<Integer> source = source(topic, integers(group), OPTIONS.withPoisonRecords(OnPoisonRecord.STOP));
        List<List<Integer>> batches = source.sinkToList();

        source.start();
        await(() -> !reported.isEmpty() && !source.isRunning());
        source.destroy(); // commits what is done, at the latest

        assertEquals(List.of(0), flat(batches));
        PoisonRecordException poison = assertInstanceOf(PoisonRecordException.class, reported.get(0));
        assertEquals(1, poison.offset());
        assertTrue(poison.getMessage().contains("stopped"), poison.getMessage());
        await(() -> committed(group, topic) == 1);
    }

    @Test
    void anUnreachableBrokerIsReportedWithinTheTimeoutAndTheSourceKeepsTrying() throws Exception {
        KafkaBatchedSource<String> source = source("t", nowhere(),
                OPTIONS.withUnreachableBroker(Duration.ofSeconds(1), OnUnreachable.RETRY));
        source.sinkToList();

        source.start();
        await(() -> !reported.isEmpty());

        BrokerUnreachableException unreachable = assertInstanceOf(BrokerUnreachableException.class, reported.get(0));
        assertTrue(unreachable.getMessage().contains("fromKafkaBatched has not reached a Kafka broker at 127.0.0.1:1"),
                unreachable.getMessage());
        assertTrue(unreachable.getMessage().contains("still trying"), unreachable.getMessage());
        assertTrue(source.isRunning());
    }

    @Test
    void anUnreachableBrokerStopsTheSourceWhenAskedTo() throws Exception {
        KafkaBatchedSource<String> source = source("t", nowhere(),
                OPTIONS.withUnreachableBroker(Duration.ofSeconds(1), OnUnreachable.STOP));
        source.sinkToList();

        source.start();
        await(() -> !reported.isEmpty() && !source.isRunning());

        assertInstanceOf(BrokerUnreachableException.class, reported.get(0));
        assertTrue(reported.get(0).getMessage().contains("stopped"), reported.get(0).getMessage());
    }

    private <V> KafkaBatchedSource<V> source(String topic, Map<String, Object> params, KafkaBatchOptions options) {
        KafkaBatchedSource<V> source = KafkaSource.fromKafkaBatched(topic, params, options);
        sources.add(source);
        return source;
    }

    private static Map<String, Object> strings(String group) {
        return broker.stringConsumerParams(group);
    }

    private static Map<String, Object> integers(String group) {
        Map<String, Object> params = strings(group);
        params.put("value.deserializer", IntegerDeserializer.class);
        return params;
    }

    private static Map<String, Object> nowhere() {
        Map<String, Object> params = strings("nowhere");
        params.put("bootstrap.servers", "127.0.0.1:1");
        return params;
    }

    private static long committed(String group, String topic) {
        try {
            return broker.committed(group, topic, 0);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <V> List<V> flat(List<List<V>> batches) {
        List<V> values = new ArrayList<>();
        new ArrayList<>(batches).forEach(values::addAll);
        return values;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] integer(int value) {
        return ByteBuffer.allocate(Integer.BYTES).putInt(value).array();
    }
}
