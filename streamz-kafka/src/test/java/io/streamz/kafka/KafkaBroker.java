package io.streamz.kafka;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real Kafka broker (KRaft, one combined node) in the test JVM, with what the tests do with it:
 * topics, records, committed offsets. One per test class ({@link #start()} in {@code @BeforeAll},
 * {@link #close()} in {@code @AfterAll}).
 */
final class KafkaBroker implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(30);

    private final KafkaClusterTestKit kafka;
    private int topics;

    private KafkaBroker(KafkaClusterTestKit kafka) {
        this.kafka = kafka;
    }

    /** A started broker. */
    static KafkaBroker start() throws Exception {
        KafkaClusterTestKit kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                // One broker: the consumer offsets topic cannot have Kafka's default 3 replicas.
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        kafka.format();
        kafka.startup();
        kafka.waitForReadyBrokers();
        return new KafkaBroker(kafka);
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** A new topic of {@code partitions} partitions, named {@code topic-N}. */
    String newTopic(int partitions) throws Exception {
        String topic = "topic-" + (++topics);
        try (var admin = kafka.admin()) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
        return topic;
    }

    /** Writes {@code "line i"} for {@code i} from {@code from} to {@code to} (excluded) into one partition, acknowledged. */
    void produce(String topic, int partition, int from, int to) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (int i = from; i < to; i++) {
                producer.send(new ProducerRecord<>(topic, partition, null, line(i))).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            }
        }
    }

    /** The offset {@code group} committed for partition {@code partition} of {@code topic}, or -1 when none. */
    long committed(String group, String topic, int partition) throws Exception {
        try (var admin = kafka.admin()) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            OffsetAndMetadata offset = offsets.get(new TopicPartition(topic, partition));
            return offset == null ? -1 : offset.offset();
        }
    }

    static String line(int i) {
        return "line " + i;
    }

    /** Waits up to {@link #WAIT} for {@code condition}, failing the test if it never holds. */
    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(condition.getAsBoolean(), "not within " + WAIT);
    }

    @Override
    public void close() throws Exception {
        kafka.close();
    }

    @Override
    public String toString() {
        return "<kafka test broker " + kafka.bootstrapServers() + ">";
    }
}
