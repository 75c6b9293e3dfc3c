package io.streamz.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamz.kafka.KafkaSourceOptions.OnUnreachable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.IntegerDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The consumers a server keeps for reading on the cluster, against a real Kafka broker in this JVM. */
@ExtendWith(KafkaBroker.class)
class ServerConsumersTest {
    private static final KafkaSourceOptions OPTIONS = KafkaSourceOptions.defaults();

    @Test
    void aReadGetsExactlyTheRangeAskedForWhereverTheConsumerStood(KafkaBroker broker) throws Exception {
        String topic = broker.newTopic(1);
        broker.produce(topic, 0, 0, 10);
        ServerConsumers consumers = new ServerConsumers(Duration.ofMinutes(1), System::nanoTime);
        TopicPartition partition = new TopicPartition(topic, 0);

        assertEquals(List.of("line 0", "line 1", "line 2"), consumers.read(params(broker), partition, 0, 3, OPTIONS));
        assertEquals(List.of("line 3", "line 4"), consumers.read(params(broker), partition, 3, 5, OPTIONS));
        // Another server read on meanwhile: this one is asked for a later range, or an earlier one again.
        assertEquals(List.of("line 8"), consumers.read(params(broker), partition, 8, 9, OPTIONS));
        assertEquals(List.of("line 1"), consumers.read(params(broker), partition, 1, 2, OPTIONS));
        assertEquals(1, consumers.open());
    }

    @Test
    void theNextRangeTakesTheRecordsTheLastReadFetchedPastItsEndRatherThanRefetchingThem(KafkaBroker broker) throws Exception {
        String topic = broker.newTopic(1);
        broker.produce(topic, 0, 0, 10);
        ServerConsumers consumers = new ServerConsumers(Duration.ofMinutes(1), System::nanoTime);
        TopicPartition partition = new TopicPartition(topic, 0);
        // The first read's poll returns all 10 records, and the consumer then leaves a fetch at the log's end waiting
        // at the broker for fetch.max.wait.ms: a read that sought back to offset 3 would wait for it before fetching
        // anything, and so time out here.
        TreeMap<String, Object> patientFetches = params(broker);
        patientFetches.put("fetch.max.wait.ms", (int) Duration.ofMinutes(2).toMillis());
        KafkaSourceOptions unreachableAfter5s = OPTIONS.withUnreachableBroker(Duration.ofSeconds(5), OnUnreachable.RETRY);

        assertEquals(List.of("line 0", "line 1", "line 2"), consumers.read(patientFetches, partition, 0, 3, unreachableAfter5s));
        assertEquals(List.of("line 3", "line 4"), consumers.read(patientFetches, partition, 3, 5, unreachableAfter5s));
        assertEquals(List.of("line 5", "line 6", "line 7", "line 8", "line 9"),
                consumers.read(patientFetches, partition, 5, 10, unreachableAfter5s));
    }

    @Test
    void aConsumerUnusedForTheIdleTimeoutIsClosedAndMadeAgainWhenNeeded(KafkaBroker broker) throws Exception {
        String topic = broker.newTopic(2);
        broker.produce(topic, 0, 0, 5);
        broker.produce(topic, 1, 100, 105);
        AtomicLong now = new AtomicLong();
        ServerConsumers consumers = new ServerConsumers(Duration.ofMinutes(1), now::get);
        TopicPartition first = new TopicPartition(topic, 0);
        TopicPartition second = new TopicPartition(topic, 1);
        consumers.read(params(broker), first, 0, 2, OPTIONS);

        now.addAndGet(Duration.ofMinutes(2).toNanos());
        consumers.read(params(broker), second, 0, 1, OPTIONS);

        assertEquals(1, consumers.open(), "the first partition's consumer was closed");
        assertEquals(List.of("line 2", "line 3"), consumers.read(params(broker), first, 2, 4, OPTIONS));
        assertEquals(2, consumers.open());
    }

    @Test
    void aReadLeavesTombstonesOutUnlessTheOptionsKeepThem(KafkaBroker broker) throws Exception {
        String topic = broker.newTopic(1);
        broker.produce(topic, Arrays.asList(utf8("a"), null, utf8("c")));
        ServerConsumers consumers = new ServerConsumers(Duration.ofMinutes(1), System::nanoTime);
        TopicPartition partition = new TopicPartition(topic, 0);

        assertEquals(List.of("a", "c"), consumers.read(params(broker), partition, 0, 3, OPTIONS));
        assertEquals(Arrays.asList("a", null, "c"), consumers.read(params(broker), partition, 0, 3, OPTIONS.withTombstones(true)));
    }

    @Test
    void aReadFailsAtAPoisonRecordNamingItsPlaceAndTheNextReadStartsWhereAsked(KafkaBroker broker) throws Exception {
        String topic = broker.newTopic(1);
        broker.produce(topic, List.of(integer(0), utf8("bad"), integer(2)));
        ServerConsumers consumers = new ServerConsumers(Duration.ofMinutes(1), System::nanoTime);
        TopicPartition partition = new TopicPartition(topic, 0);
        TreeMap<String, Object> integers = params(broker);
        integers.put("value.deserializer", IntegerDeserializer.class);

        PoisonRecordException poison = assertThrows(PoisonRecordException.class, () -> consumers.read(integers, partition, 0, 3, OPTIONS));

        assertEquals(partition, poison.partition());
        assertEquals(1, poison.offset());
        assertTrue(poison.getMessage().contains("skipped"), poison.getMessage());
        assertEquals(List.of(0), consumers.read(integers, partition, 0, 1, OPTIONS));
        assertEquals(List.of(2), consumers.read(integers, partition, 2, 3, OPTIONS));
    }

    @Test
    void aReadThatHearsFromNoBrokerFailsAfterUnreachableAfter() {
        ServerConsumers consumers = new ServerConsumers(Duration.ofMinutes(1), System::nanoTime);
        TreeMap<String, Object> nowhere = new TreeMap<>();
        nowhere.put("bootstrap.servers", "127.0.0.1:1");
        nowhere.put("enable.auto.commit", "false");
        nowhere.put("key.deserializer", StringDeserializer.class);
        nowhere.put("value.deserializer", StringDeserializer.class);

        TimeoutException timeout = assertThrows(TimeoutException.class, () -> consumers.read(nowhere, new TopicPartition("t", 0), 0, 1,
                OPTIONS.withUnreachableBroker(Duration.ofSeconds(1), OnUnreachable.RETRY)));

        assertTrue(timeout.getMessage().contains("within PT1S"), timeout.getMessage());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] integer(int value) {
        return ByteBuffer.allocate(Integer.BYTES).putInt(value).array();
    }

    private static TreeMap<String, Object> params(KafkaBroker broker) {
        TreeMap<String, Object> params = new TreeMap<>();
        params.put("bootstrap.servers", broker.bootstrapServers());
        params.put("enable.auto.commit", "false");
        params.put("key.deserializer", StringDeserializer.class);
        params.put("value.deserializer", StringDeserializer.class);
        return params;
    }
}
