package io.streamz.benchmarks.kafka;

import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import io.streamz.kafka.OneNodeKafka;
import org.apache.kafka.common.test.KafkaClusterTestKit;

/**
 * The benchmark's Kafka broker: one KRaft node (broker and controller) inside the benchmark's JVM,
 * started by streamz-kafka's test {@link OneNodeKafka} as its tests' broker is, with what the benchmark
 * does to it. Used from the main thread.
 */
final class BenchBroker implements AutoCloseable {
    private final KafkaClusterTestKit kafka;

    private BenchBroker(KafkaClusterTestKit kafka) {
        this.kafka = kafka;
    }

    /**
     * Starts the broker and waits until it is ready.
     *
     * @throws IllegalStateException when it does not start, with Kafka's reason as the cause
     */
    static BenchBroker start() {
        return new BenchBroker(OneNodeKafka.start());
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** Creates {@code topic} with {@code partitions} partitions. */
    void createTopic(String topic, int partitions) throws Exception {
        OneNodeKafka.createTopic(kafka, topic, partitions);
    }

    /** Appends {@code count} records with the values {@code values.value(first)...} to {@code topic}, spread over its partitions. */
    void fill(String topic, long first, long count, Values values) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (long i = first; i < first + count; i++) {
                producer.send(new ProducerRecord<>(topic, values.value(i)));
            }
            producer.flush();
        }
    }

    /** The value of record {@code i} of the input. */
    interface Values {
        String value(long i);
    }

    @Override
    public void close() throws Exception {
        kafka.close();
    }

    @Override
    public String toString() {
        return "<benchmark Kafka broker at " + bootstrapServers() + ">";
    }
}
