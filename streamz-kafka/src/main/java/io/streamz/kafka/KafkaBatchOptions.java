package io.streamz.kafka;

import io.streamz.kafka.KafkaSourceOptions.OnPoisonRecord;
import io.streamz.kafka.KafkaSourceOptions.OnUnreachable;
import java.time.Duration;

/**
 * The options of {@link KafkaSource#fromKafkaBatched}, read on the driver or on a cluster: streamz's
 * {@code poll_interval} and {@code max_batch_size}, with streamz's defaults ({@link #DEFAULTS}: 1 s,
 * 10000), and what every Kafka source shares with {@code fromKafka} (tombstones, poison records, an
 * unreachable broker: see {@link KafkaSourceOptions}, whose defaults apply here too). Immutable.
 *
 * @param source       the settings shared with {@code fromKafka}, the poll interval among them
 * @param maxBatchSize the most records in one batch; positive
 */
public record KafkaBatchOptions(KafkaSourceOptions source, int maxBatchSize) {
    /** streamz's defaults: polls every second, batches of up to 10000 records; {@code fromKafka}'s for the rest. */
    public static final KafkaBatchOptions DEFAULTS = new KafkaBatchOptions(Duration.ofSeconds(1), 10_000);

    /** @throws IllegalArgumentException when an option is out of range, saying which */
    public KafkaBatchOptions {
        if (source == null) {
            throw new IllegalArgumentException("fromKafkaBatched source options are null: pass KafkaSourceOptions.defaults()");
        }
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("fromKafkaBatched maxBatchSize must be at least 1, got " + maxBatchSize);
        }
    }

    /**
     * Options polling every {@code pollInterval} (positive) in batches of at most {@code maxBatchSize}, the rest as
     * {@link KafkaSourceOptions#defaults()}.
     *
     * @throws IllegalArgumentException when an option is out of range, saying which
     */
    public KafkaBatchOptions(Duration pollInterval, int maxBatchSize) {
        this(KafkaSourceOptions.defaults().withPollInterval(pollInterval), maxBatchSize);
    }

    /** How long a poll waits for records, and the pause after one that found none. */
    public Duration pollInterval() {
        return source.pollInterval();
    }

    /** These options with another poll interval. */
    public KafkaBatchOptions withPollInterval(Duration interval) {
        return new KafkaBatchOptions(source.withPollInterval(interval), maxBatchSize);
    }

    /** These options with another maximum batch size. */
    public KafkaBatchOptions withMaxBatchSize(int size) {
        return new KafkaBatchOptions(source, size);
    }

    /** These options keeping tombstones ({@code null} values in the batches) or not; see {@link KafkaSourceOptions#keepTombstones()}. */
    public KafkaBatchOptions withTombstones(boolean keep) {
        return new KafkaBatchOptions(source.withTombstones(keep), maxBatchSize);
    }

    /** These options doing {@code action} at a poison record; see {@link KafkaSourceOptions#onPoisonRecord()}. */
    public KafkaBatchOptions withPoisonRecords(OnPoisonRecord action) {
        return new KafkaBatchOptions(source.withPoisonRecords(action), maxBatchSize);
    }

    /** These options reporting an unreachable broker after {@code timeout}, then doing what {@code action} says. */
    public KafkaBatchOptions withUnreachableBroker(Duration timeout, OnUnreachable action) {
        return new KafkaBatchOptions(source.withUnreachableBroker(timeout, action), maxBatchSize);
    }
}
