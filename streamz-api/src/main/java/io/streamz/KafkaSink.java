package io.streamz;

/**
 * The stream {@link Stream#toKafka} returns (streamz's {@code to_kafka}): it produces each element as
 * the value of a Kafka record and emits the element downstream once Kafka has acknowledged it.
 * {@link #destroy()} flushes, then closes the producer.
 *
 * @param <T> the type of the elements written
 */
public interface KafkaSink<T> extends Stream<T> {
    /**
     * Blocks until every element this sink has taken so far is acknowledged or has failed (each takes
     * at most the producer's {@code delivery.timeout.ms}). Failures go where each element's failure
     * goes (its emitter, else the error handler), not to this call. Any thread, except a Kafka
     * producer callback.
     */
    void flush();

    /** {@link #flush()} that takes and ignores an element, for {@code other.sink(kafka::flush)}. */
    default void flush(Object ignored) {
        flush();
    }
}
