package io.streamz.kafka;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.quota.ClientQuotaAlteration;
import org.apache.kafka.common.quota.ClientQuotaEntity;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A real Kafka broker (KRaft, one combined node) in the test JVM, started once for every test class
 * that asks for it ({@code @ExtendWith(KafkaBroker.class)} and a {@code KafkaBroker} parameter of a
 * {@code @BeforeAll} method) and stopped after the last; with what the tests do to it. The Docker ITs
 * (docker module) start one of their own that their containers reach ({@link #reachableAt(String)}).
 */
public final class KafkaBroker implements ParameterResolver, AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(30);
    private static final AtomicInteger TOPICS = new AtomicInteger();
    private final KafkaClusterTestKit kafka;
    /** Where clients reach the broker; {@code null}: at localhost. */
    private final String host;

    /** For JUnit, which makes one to resolve parameters; the broker itself is {@link #start()}ed. */
    public KafkaBroker() {
        this(null, null);
    }

    private KafkaBroker(KafkaClusterTestKit kafka, String host) {
        this.kafka = kafka;
        this.host = host;
    }

    private static KafkaBroker start() {
        return new KafkaBroker(OneNodeKafka.start(), null);
    }

    /**
     * Starts a broker that clients on other hosts (Docker containers) reach at {@code host}, as this
     * JVM does (see {@link OneNodeKafka#start(String)}); the caller closes it.
     *
     * @throws IllegalStateException when it does not start, with Kafka's reason as the cause
     */
    public static KafkaBroker reachableAt(String host) {
        return new KafkaBroker(OneNodeKafka.start(host), host);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KafkaBroker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(KafkaBroker.class))
                .getOrComputeIfAbsent("broker", key -> start(), KafkaBroker.class);
    }

    /** Stops the broker (JUnit calls it after the last test). */
    @Override
    public void close() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
    }

    /** {@code host:port} of the broker, for clients' {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return host == null ? kafka.bootstrapServers() : OneNodeKafka.bootstrapServers(kafka, host);
    }

    /** Producer parameters for this broker, nothing else set; a copy the caller may change. */
    public Map<String, Object> producerParams() {
        Map<String, Object> params = new HashMap<>();
        params.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return params;
    }

    /** Consumer parameters for {@code group} on this broker, from the earliest record, String values; a copy the caller may change. */
    public Map<String, Object> stringConsumerParams(String group) {
        Map<String, Object> params = new HashMap<>();
        params.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        params.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        params.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        params.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return params;
    }

    /** A new topic of {@code partitions} partitions, with a name no other test uses. */
    public String newTopic(int partitions) throws Exception {
        String topic = "topic-" + TOPICS.incrementAndGet();
        OneNodeKafka.createTopic(kafka, topic, partitions);
        return topic;
    }

    /**
     * Lets producers with {@code clientId} write {@code bytesPerSecond} at most: the broker then holds
     * back their requests for seconds (the producer's buffer fills up).
     */
    void limitProducer(String clientId, double bytesPerSecond) throws Exception {
        try (var admin = kafka.admin()) {
            ClientQuotaEntity client = new ClientQuotaEntity(Map.of(ClientQuotaEntity.CLIENT_ID, clientId));
            ClientQuotaAlteration limit = new ClientQuotaAlteration(client,
                    List.of(new ClientQuotaAlteration.Op("producer_byte_rate", bytesPerSecond)));
            admin.alterClientQuotas(List.of(limit)).all().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** Writes {@code values} (a {@code null} is a tombstone) to partition 0 of {@code topic}, in order. */
    void produce(String topic, List<byte[]> values) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
            for (byte[] value : values) {
                producer.send(new ProducerRecord<>(topic, 0, null, value)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            }
        }
    }

    /** The first {@code count} records of {@code topic}, from its beginning; fails after {@link #WAIT}. */
    List<ConsumerRecord<byte[], byte[]>> read(String topic, int count) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (records.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
        }
        if (records.size() < count) {
            throw new AssertionError("only " + records.size() + " of " + count + " records in " + topic + " within " + WAIT);
        }
        return records;
    }

    /** Every value in {@code topic} now, as UTF-8 strings, partition after partition; fails after {@link #WAIT}. */
    public List<String> readAll(String topic) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<byte[], String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, WAIT).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, WAIT);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, WAIT) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end within " + WAIT);
                }
                consumer.poll(Duration.ofMillis(100)).forEach(record -> values.add(record.value()));
            }
        }
        return values;
    }

    /** Writes {@code "line i"} for {@code i} from {@code from} to {@code to} (excluded) into one partition, in order, acknowledged. */
    public void produce(String topic, int partition, int from, int to) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            // All sent before the first wait: one wait per batch, not per record. The producer is idempotent (Kafka's
            // default), so a retry keeps them in order.
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (int i = from; i < to; i++) {
                sent.add(producer.send(new ProducerRecord<>(topic, partition, null, line(i))));
            }
            for (Future<RecordMetadata> ack : sent) {
                ack.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            }
        }
    }

    /** The offset {@code group} committed for partition {@code partition} of {@code topic}, or -1 when none. */
    public long committed(String group, String topic, int partition) throws Exception {
        try (var admin = kafka.admin()) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            OffsetAndMetadata offset = offsets.get(new TopicPartition(topic, partition));
            return offset == null ? -1 : offset.offset();
        }
    }

    /** The value {@link #produce(String, int, int, int)} writes for {@code i}. */
    public static String line(int i) {
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
    public String toString() {
        return "test Kafka broker at " + (kafka == null ? "(none)" : bootstrapServers());
    }
}
