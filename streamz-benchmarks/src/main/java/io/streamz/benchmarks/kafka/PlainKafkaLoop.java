package io.streamz.benchmarks.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The baseline: the consume -> transform -> produce loop one writes with kafka-clients alone, at least
 * once as streamz's pipeline is: per poll, every record is transformed and sent, the producer is
 * flushed (all acknowledged), then the offsets are committed. One consumer reading every partition
 * (assigned, as fromKafkaBatched), one producer, both with Kafka's defaults but the batch size.
 * Runs on the calling thread.
 */
final class PlainKafkaLoop implements AutoCloseable {
    private final KafkaConsumer<String, String> consumer;
    private final KafkaProducer<String, String> producer;
    private final String output;
    private final Duration pollTimeout;
    private final Arrivals arrivals;

    PlainKafkaLoop(String servers, String input, String output, int maxBatchSize, Duration pollTimeout, Arrivals arrivals) {
        Map<String, Object> consumerConfig = new HashMap<>();
        consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "plain-loop");
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumerConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxBatchSize);
        consumerConfig.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumerConfig.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        this.consumer = new KafkaConsumer<>(consumerConfig);
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo partition : consumer.partitionsFor(input)) {
            partitions.add(new TopicPartition(input, partition.partition()));
        }
        consumer.assign(partitions);
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        this.output = output;
        this.pollTimeout = pollTimeout;
        this.arrivals = arrivals;
    }

    /** Reads, transforms and writes records until {@code total} are done in all (this round's and before). */
    void runUntil(long total) {
        while (arrivals.count() < total) {
            ConsumerRecords<String, String> records = consumer.poll(pollTimeout);
            if (records.isEmpty()) {
                continue;
            }
            for (ConsumerRecord<String, String> record : records) {
                producer.send(new ProducerRecord<>(output, KafkaPipelineBenchmark.transform(record.value())));
            }
            producer.flush();
            consumer.commitSync();
            arrivals.add(records.count());
        }
    }

    @Override
    public void close() {
        consumer.close();
        producer.close();
    }

    @Override
    public String toString() {
        return "<plain kafka-clients loop to " + output + ">";
    }
}
