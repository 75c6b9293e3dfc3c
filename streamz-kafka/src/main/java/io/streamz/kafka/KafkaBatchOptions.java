package io.streamz.kafka;

import java.time.Duration;

/**
 * The options of {@link KafkaSource#fromKafkaBatched}: streamz's {@code poll_interval} and {@code
 * max_batch_size}, with streamz's defaults ({@link #DEFAULTS}: 1 s, 10000). Immutable.
 *
 * @param pollInterval how long a poll waits for records, and the pause after one that found none; positive
 * @param maxBatchSize the most records in one batch; positive
 */
public record KafkaBatchOptions(Duration pollInterval, int maxBatchSize) {
    /** streamz's defaults: polls every second, batches of up to 10000 records. */
    public static final KafkaBatchOptions DEFAULTS = new KafkaBatchOptions(Duration.ofSeconds(1), 10_000);

    /** @throws IllegalArgumentException when an option is out of range, saying which */
    public KafkaBatchOptions {
        if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("fromKafkaBatched pollInterval must be positive, got " + pollInterval);
        }
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("fromKafkaBatched maxBatchSize must be at least 1, got " + maxBatchSize);
        }
    }

    /** These options with another poll interval. */
    public KafkaBatchOptions withPollInterval(Duration interval) {
        return new KafkaBatchOptions(interval, maxBatchSize);
    }

    /** These options with another maximum batch size. */
    public KafkaBatchOptions withMaxBatchSize(int size) {
        return new KafkaBatchOptions(pollInterval, size);
    }
}
