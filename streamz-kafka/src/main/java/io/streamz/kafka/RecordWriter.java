package io.streamz.kafka;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes values to one topic with a producer of its own, each write a future of the value that
 * completes once Kafka acknowledged it.
 *
 * @param <T> value type
 */
final class RecordWriter<T> {
    private final String topic;
    private final Producer<Object, T> producer;

    RecordWriter(String topic, Producer<Object, T> producer) {
        this.topic = topic;
        this.producer = producer;
    }

    /**
     * Sends {@code value}; on the caller's thread, which blocks while the producer's buffer is full
     * (up to {@code max.block.ms}). The future completes on the producer's I/O thread: with {@code
     * value} once acknowledged, else with Kafka's exception.
     */
    CompletableFuture<T> write(T value) {
        CompletableFuture<T> acknowledged = new CompletableFuture<>();
        producer.send(new ProducerRecord<>(topic, value), (metadata, error) -> {
            if (error == null) {
                acknowledged.complete(value);
            } else {
                acknowledged.completeExceptionally(error);
            }
        });
        return acknowledged;
    }

    /** Blocks until every record sent is acknowledged or failed. */
    void flush() {
        producer.flush();
    }

    /** Flushes, then closes the producer, waiting at most {@code timeout} for the broker. */
    void close(Duration timeout) {
        producer.close(timeout);
    }

    String topic() {
        return topic;
    }
}
