package io.streamz.kafka;

import io.streamz.spi.PipelinedFunction;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * The function of a cluster {@code toKafka} step: on a server, writes the element with that JVM's
 * producer for these parameters ({@link ServerProducers}) and returns it once Kafka acknowledged it,
 * or throws Kafka's exception, which fails that element as any cluster function's does. Pipelined:
 * a task sends every element of its batch before it waits for the first acknowledgement, so that the
 * producer batches them and the task waits about one round trip to the broker, not one per element.
 *
 * @param <T> element type
 */
final class WriteToKafka<T> implements PipelinedFunction<T, CompletableFuture<T>, T> {
    private static final long serialVersionUID = 1L;
    private final String topic;
    private final TreeMap<String, Object> params;

    WriteToKafka(String topic, TreeMap<String, Object> params) {
        this.topic = topic;
        this.params = params;
    }

    @Override
    public CompletableFuture<T> start(T x) {
        return ServerProducers.SHARED.send(topic, params, x);
    }

    @Override
    public T await(T x, CompletableFuture<T> acknowledged) throws Exception {
        return ServerProducers.acknowledged(acknowledged);
    }

    @Override
    public String toString() {
        return "to_kafka: " + topic;
    }
}
