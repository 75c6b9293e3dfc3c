package io.streamz.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The consumers a server keeps for reading on the cluster, against a real Kafka broker in this JVM. */
@ExtendWith(KafkaBroker.class)
class ServerConsumersTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void aReadGetsExactlyTheRangeAskedForWhereverTheConsumerStood(KafkaBroker broker) throws Exception {
        String topic = broker.newTopic(1);
        broker.produce(topic, 0, 0, 10);
        ServerConsumers consumers = new ServerConsumers(Duration.ofMinutes(1), System::nanoTime);
        TopicPartition partition = new TopicPartition(topic, 0);

        assertEquals(List.of("line 0", "line 1", "line 2"), consumers.read(params(broker), partition, 0, 3, TIMEOUT));
        assertEquals(List.of("line 3", "line 4"), consumers.read(params(broker), partition, 3, 5, TIMEOUT));
        // Another server read on meanwhile: this one is asked for a later range, or an earlier one again.
        assertEquals(List.of("line 8"), consumers.read(params(broker), partition, 8, 9, TIMEOUT));
        assertEquals(List.of("line 1"), consumers.read(params(broker), partition, 1, 2, TIMEOUT));
        assertEquals(1, consumers.open());
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
        consumers.read(params(broker), first, 0, 2, TIMEOUT);

        now.addAndGet(Duration.ofMinutes(2).toNanos());
        consumers.read(params(broker), second, 0, 1, TIMEOUT);

        assertEquals(1, consumers.open(), "the first partition's consumer was closed");
        assertEquals(List.of("line 2", "line 3"), consumers.read(params(broker), first, 2, 4, TIMEOUT));
        assertEquals(2, consumers.open());
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
