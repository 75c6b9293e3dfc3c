package io.streamz.kafka;

import io.streamz.function.SupplierEx;
import java.time.Duration;
import java.util.List;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/**
 * What a server runs for {@code fromKafkaBatched} on a cluster: reads the records of one partition
 * from offset {@code from} to {@code to} (excluded), which the driver chose, and supplies their values
 * as one batch (see {@link ServerConsumers}). Repeatable: a re-run after a failover reads the same
 * records, so the batch is the same.
 *
 * @param <V> record value type
 */
final class KafkaRangeRead<V> implements SupplierEx<List<V>> {
    private static final long serialVersionUID = 1L;
    /** How long a read may take before it fails (and the driver asks again at its next poll). */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String topic;
    private final int partition;
    private final TreeMap<String, Object> params;
    private final long from;
    private final long to;

    KafkaRangeRead(String topic, int partition, TreeMap<String, Object> params, long from, long to) {
        this.topic = topic;
        this.partition = partition;
        this.params = params;
        this.from = from;
        this.to = to;
    }

    @Override
    public List<V> getEx() {
        return ServerConsumers.SHARED.read(params, new TopicPartition(topic, partition), from, to, TIMEOUT);
    }

    @Override
    public String toString() {
        return "KafkaRangeRead[" + topic + "-" + partition + " offsets " + from + ".." + to + "]";
    }
}
