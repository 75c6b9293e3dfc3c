package io.streamz.kafka;

import static io.streamz.kafka.KafkaBroker.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamz.ErrorHandler;
import io.streamz.Stream;
import io.streamz.cluster.IgniteCluster;
import io.streamz.cluster.SharedEmbeddedCluster;
import io.streamz.kafka.KafkaSourceOptions.OnPoisonRecord;
import io.streamz.kafka.KafkaSourceOptions.OnUnreachable;
import io.streamz.local.internal.core.InputPosition;
import io.streamz.local.internal.core.Refs;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.IntegerDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * from_kafka_batched, read on the driver and on the servers of an embedded cluster, meets what
 * fromKafka meets (tombstones, poison records, no broker) as fromKafka does, and its commits pass
 * only records done or skipped on purpose; against a real broker in this JVM.
 */
@ExtendWith(KafkaBroker.class)
class KafkaBatchedSourceFaultsTest {
    private static final KafkaBatchOptions OPTIONS = new KafkaBatchOptions(Duration.ofMillis(50), 10);
    @RegisterExtension
    static final SharedEmbeddedCluster CLUSTER = new SharedEmbeddedCluster(1);
    private static KafkaBroker broker;
    private static IgniteCluster cluster;

    private final List<Throwable> reported = new CopyOnWriteArrayList<>();
    private final List<Read<?>> sources = new ArrayList<>();
    private ErrorHandler previous;

    /** Where the batches are read. */
    enum Where { DRIVER, CLUSTER }

    @BeforeAll
    static void useTheSharedBrokerAndCluster(KafkaBroker shared) {
        broker = shared;
        cluster = CLUSTER.get();
    }

    @BeforeEach
    void collectReports() {
        previous = Stream.setErrorHandler((where, error) -> reported.add(error));
    }

    @AfterEach
    void destroyTheSourcesAndRestoreTheHandler() {
        sources.forEach(Read::destroy);
        Stream.setErrorHandler(previous);
    }

    @ParameterizedTest
    @EnumSource(Where.class)
    void tombstonesAreLeftOutOfTheBatchesAndCommittedPastABatchOfOnlyTombstonesIsNotEmitted(Where where) throws Exception {
        String topic = broker.newTopic(1);
        broker.produce(topic, Arrays.asList(bytes("a"), bytes("b"), null, null, bytes("c")));
        String group = "tombstones-" + topic;
        // Batches of two: the second holds only the two tombstones.
        Read<String> source = source(where, topic, strings(group), OPTIONS.withMaxBatchSize(2));

        source.start();
        await(() -> committed(group, topic) == 5);

        assertEquals(List.of("a", "b", "c"), flat(source.batches()));
        assertTrue(source.batches().stream().noneMatch(List::isEmpty), "no empty batch: " + source.batches());
    }

    @Test
    void eachFlattenedValueCarriesItsOwnRecordsOffsetPastTheTombstones() throws Exception {
        String topic = broker.newTopic(1);
        broker.produce(topic, Arrays.asList(bytes("a"), null, bytes("c"), bytes("d")));
        KafkaBatchedSource<String> source = KafkaSource.fromKafkaBatched(topic, strings("positions-" + topic), OPTIONS);
        sources.add(new Read<>(List.of(), source::start, source::isRunning, source::destroy));
        List<String> positions = new CopyOnWriteArrayList<>();
        source.<String>flatten().sink(value -> {
            InputPosition position = Refs.current().position();
            positions.add(value + "@" + position.partition().name() + ":" + position.offset());
        });

        source.start();
        await(() -> positions.size() == 3);

        assertEquals(List.of("a@" + topic + "/0:0", "c@" + topic + "/0:2", "d@" + topic + "/0:3"), positions);
    }

    @ParameterizedTest
    @EnumSource(Where.class)
    void tombstonesAreKeptAsNullWhenAsked(Where where) throws Exception {
        String topic = broker.newTopic(1);
        broker.produce(topic, Arrays.asList(bytes("a"), null, bytes("c")));
        Read<String> source = source(where, topic, strings("kept-" + topic), OPTIONS.withTombstones(true));

        source.start();
        await(() -> flat(source.batches()).size() == 3);

        assertEquals(Arrays.asList("a", null, "c"), flat(source.batches()));
    }

    @ParameterizedTest
    @EnumSource(Where.class)
    void aPoisonRecordIsReportedAndSkippedTheRestGoesOnAndCommitsPassIt(Where where) throws Exception {
        String topic = broker.newTopic(1);
        broker.produce(topic, List.of(integer(0), bytes("bad"), integer(2), integer(3)));
        String group = "poison-" + topic;
        Read<Integer> source = source(where, topic, integers(group), OPTIONS);

        source.start();
        await(() -> committed(group, topic) == 4);

        assertEquals(List.of(0, 2, 3), flat(source.batches()));
        PoisonRecordException poison = assertInstanceOf(PoisonRecordException.class, reported.get(0));
        assertEquals(new TopicPartition(topic, 0), poison.partition());
        assertEquals(1, poison.offset());
        assertTrue(poison.getMessage().startsWith("fromKafkaBatched") && poison.getMessage().contains("skipped"), poison.getMessage());
        assertEquals(1, reported.size(), "reported once: " + reported);
        assertTrue(source.isRunning());
    }

    @ParameterizedTest
    @EnumSource(Where.class)
    void aPoisonRecordStopsTheSourceBeforeItAndCommitsNeverPassIt(Where where) throws Exception {
        String topic = broker.newTopic(1);
        broker.produce(topic, List.of(integer(0), bytes("bad"), integer(2)));
        String group = "poison-stop-" + topic;
        Read<Integer> source = source(where, topic, integers(group), OPTIONS.withPoisonRecords(OnPoisonRecord.STOP));

        source.start();
        await(() -> !reported.isEmpty() && !source.isRunning());
        await(() -> flat(source.batches()).equals(List.of(0)));
        source.start(); // meets the same record again
        await(() -> reported.size() == 2 && !source.isRunning());
        source.destroy(); // commits what is done, at the latest

        assertEquals(List.of(0), flat(source.batches()));
        for (Throwable report : reported) {
            PoisonRecordException poison = assertInstanceOf(PoisonRecordException.class, report);
            assertEquals(1, poison.offset());
            assertTrue(poison.getMessage().contains("stopped"), poison.getMessage());
        }
        await(() -> committed(group, topic) == 1);
    }

    @ParameterizedTest
    @EnumSource(Where.class)
    void anUnreachableBrokerIsReportedWithinTheTimeoutAndTheSourceKeepsTrying(Where where) throws Exception {
        Read<String> source = source(where, "t", nowhere(), OPTIONS.withUnreachableBroker(Duration.ofSeconds(1), OnUnreachable.RETRY));

        source.start();
        await(() -> !reported.isEmpty());

        BrokerUnreachableException unreachable = assertInstanceOf(BrokerUnreachableException.class, reported.get(0));
        assertTrue(unreachable.getMessage().startsWith("fromKafkaBatched")
                && unreachable.getMessage().contains(" has not reached a Kafka broker at 127.0.0.1:1"), unreachable.getMessage());
        assertTrue(unreachable.getMessage().contains("still trying"), unreachable.getMessage());
        assertTrue(source.isRunning());
    }

    @ParameterizedTest
    @EnumSource(Where.class)
    void anUnreachableBrokerStopsTheSourceWhenAskedTo(Where where) throws Exception {
        Read<String> source = source(where, "t", nowhere(), OPTIONS.withUnreachableBroker(Duration.ofSeconds(1), OnUnreachable.STOP));

        source.start();
        await(() -> !reported.isEmpty() && !source.isRunning());

        assertInstanceOf(BrokerUnreachableException.class, reported.get(0));
        assertTrue(reported.get(0).getMessage().contains("stopped"), reported.get(0).getMessage());
    }

    @ParameterizedTest
    @EnumSource(OnUnreachable.class)
    void serversThatHearNothingFromTheBrokerWithinTheTimeoutAreReportedAndTheSourceDoesAsAsked(OnUnreachable action) throws Exception {
        String topic = broker.newTopic(1);
        broker.produce(topic, 0, 0, 3);
        Map<String, Object> params = strings("silent-" + topic);
        // The driver gets the partition's end, but the broker holds the servers' fetches for 25 s.
        params.put("fetch.min.bytes", 10_000_000);
        params.put("fetch.max.wait.ms", 25_000);
        Read<String> source = source(Where.CLUSTER, topic, params, OPTIONS.withUnreachableBroker(Duration.ofSeconds(1), action));

        source.start();
        await(() -> !reported.isEmpty() && source.isRunning() == (action == OnUnreachable.RETRY));

        BrokerUnreachableException unreachable = assertInstanceOf(BrokerUnreachableException.class, reported.get(0));
        assertTrue(unreachable.getMessage().startsWith("fromKafkaBatched on a cluster (its servers' reads) has not reached"),
                unreachable.getMessage());
        assertTrue(unreachable.getMessage().contains(action == OnUnreachable.RETRY ? "still trying" : "stopped"), unreachable.getMessage());
        assertEquals(List.of(), source.batches());
    }

    /** A source of {@code topic} read {@code where} says, its batches collected (through a gather when read on the cluster). */
    private <V> Read<V> source(Where where, String topic, Map<String, Object> params, KafkaBatchOptions options) {
        Read<V> read;
        if (where == Where.DRIVER) {
            KafkaBatchedSource<V> source = KafkaSource.fromKafkaBatched(topic, params, options);
            read = new Read<>(source.sinkToList(), source::start, source::isRunning, source::destroy);
        } else {
            KafkaClusterSource<V> source = KafkaSource.fromKafkaBatched(topic, params, options, cluster);
            read = new Read<>(source.stream().gather().sinkToList(), source::start, source::isRunning, source::destroy);
        }
        sources.add(read);
        return read;
    }

    /** A source under test, either kind, and the batches it delivered. */
    private record Read<V>(List<List<V>> batches, Runnable starts, BooleanSupplier running, Runnable destroys) {
        void start() {
            starts.run();
        }

        boolean isRunning() {
            return running.getAsBoolean();
        }

        void destroy() {
            destroys.run();
        }
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
