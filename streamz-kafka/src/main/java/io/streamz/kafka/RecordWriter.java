package io.streamz.kafka;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Callback;
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

    /**
     * Sends every value of {@code values}, in order; on the caller's thread, which blocks while the
     * producer's buffer is full. The future completes on the producer's I/O thread: once Kafka
     * acknowledged them all, or with Kafka's exception for the first that failed. One future and one
     * count for the whole batch, not one future per record.
     */
    CompletableFuture<Void> writeAll(Iterable<? extends T> values) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        // One more than the records in flight until all are sent, so that a fast acknowledgement of the
        // first records does not complete the batch before the last is sent.
        AtomicInteger pending = new AtomicInteger(1);
        Callback done = (metadata, error) -> {
            if (error != null) {
                acknowledged.completeExceptionally(error);
            } else if (pending.decrementAndGet() == 0) {
                acknowledged.complete(null);
            }
        };
        for (T value : values) {
            pending.incrementAndGet();
            producer.send(new ProducerRecord<>(topic, value), done);
        }
        if (pending.decrementAndGet() == 0) {
            acknowledged.complete(null);
        }
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
