package io.streamz.kafka;

import io.streamz.spi.PipelinedFunction;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * The function of a cluster {@code toKafkaEach} step: on a server, writes every item of the element
 * (an {@code Iterable}) with that JVM's producer for these parameters ({@link ServerProducers}) and
 * returns the element once Kafka acknowledged all of its items, or throws Kafka's exception for the
 * first that failed, which fails the element as any cluster function's does. Pipelined as {@link
 * WriteToKafka}: a task sends the items of all of its elements before it waits.
 *
 * @param <T> element type, an {@code Iterable}
 */
final class WriteEachToKafka<T> implements PipelinedFunction<T, CompletableFuture<Void>, T> {
    private static final long serialVersionUID = 1L;
    private final String topic;
    private final TreeMap<String, Object> params;

    WriteEachToKafka(String topic, TreeMap<String, Object> params) {
        this.topic = topic;
        this.params = params;
    }

    /** @throws IllegalArgumentException when {@code x} is not an {@code Iterable}, saying what to use instead */
    @Override
    public CompletableFuture<Void> start(T x) {
        if (!(x instanceof Iterable<?> items)) {
            throw new IllegalArgumentException("toKafkaEach writes the items of Iterable elements (a List, a batch), got "
                    + (x == null ? "null" : "a " + x.getClass().getName()) + ": use toKafka to write each element as one record");
        }
        return ServerProducers.SHARED.sendAll(topic, params, items);
    }

    @Override
    public T await(T x, CompletableFuture<Void> acknowledged) throws Exception {
        ServerProducers.acknowledged(acknowledged);
        return x;
    }

    @Override
    public String toString() {
        return "to_kafka_each: " + topic;
    }
}
