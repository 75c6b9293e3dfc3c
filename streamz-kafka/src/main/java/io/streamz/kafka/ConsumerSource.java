package io.streamz.kafka;

import io.streamz.local.internal.sources.AbstractSource;
import io.streamz.time.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * What every Kafka source is ({@code fromKafka}, {@code fromKafkaBatched}, and the driver side of
 * {@code fromKafkaBatched} on a cluster): a local source ({@link AbstractSource}: start, stop, one
 * poll at a time on a worker thread, poll exceptions to the error handler) reading with a consumer
 * that no one else uses, only on its poll thread; the faults that consumer meets, handled as the
 * {@link KafkaSourceOptions} say ({@link #faults}); and its end: {@link #destroy()} stops the source
 * and, once no poll runs, lets it {@linkplain #beforeClose() finish} (commit, rewind) and closes the
 * consumer, on the thread that ends the last poll, waiting at most {@link #CLOSE_TIMEOUT} for the broker.
 *
 * @param <T> element type
 * @param <V> record value type
 */
abstract class ConsumerSource<T, V> extends AbstractSource<T> {
    /** How long a commit while the source reads waits for the broker at most. */
    static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(30);
    /** How long {@link #destroy()} waits for the broker at most (Kafka's default is 30 s). */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    /** How long a metadata request waits at most before the poll gives up and the next one tries again. */
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(10);

    /** The consumer, used on the poll thread only (and by {@link #beforeClose()}, once no poll runs). */
    final Consumer<?, V> consumer;
    final ConsumerFaults faults;
    private final Duration metadataTimeout;

    /**
     * A source made by {@code operation} (e.g. {@code fromKafka}, named in its reports) reading from
     * {@code servers} with {@code consumer}, which no one else uses, as {@code options} say.
     */
    ConsumerSource(Consumer<?, V> consumer, String operation, KafkaSourceOptions options, String servers, Scheduler scheduler) {
        super(scheduler, options.pollInterval());
        this.consumer = consumer;
        this.faults = new ConsumerFaults(this, operation, options, servers);
        Duration unreachableAfter = options.unreachableAfter();
        // No longer than unreachableAfter, so that an unreachable broker is reported in time.
        this.metadataTimeout = unreachableAfter.compareTo(METADATA_TIMEOUT) < 0 ? unreachableAfter : METADATA_TIMEOUT;
    }

    /** How long one metadata request (partitions, offsets) may wait for the broker. */
    final Duration metadataTimeout() {
        return metadataTimeout;
    }

    /**
     * The partitions of {@code topic}, empty while it has none (not created yet), asked for at most
     * {@link #metadataTimeout()}; on the poll thread.
     *
     * @throws TimeoutException when no broker answered in that time
     */
    final List<TopicPartition> partitionsOf(String topic) {
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, metadataTimeout);
        List<TopicPartition> all = new ArrayList<>();
        if (partitions != null) {
            for (PartitionInfo partition : partitions) {
                all.add(new TopicPartition(topic, partition.partition()));
            }
        }
        return all;
    }

    /**
     * What the source does with its consumer before it is closed (commit what is done, move back to
     * what was not emitted); once no poll runs, on the thread that ends the last one. The consumer is
     * closed after it, whether it throws or not.
     */
    abstract void beforeClose();

    /** Stops, then closes the consumer once no poll runs (on the thread that ends it). */
    @Override
    protected final void release() {
        super.release();
        idle().whenComplete((ignored, error) -> close());
    }

    private void close() {
        try {
            beforeClose();
        } finally {
            consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
        }
    }
}
