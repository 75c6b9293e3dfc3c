package io.streamz.spi;

import io.streamz.KafkaSink;
import io.streamz.Stream;
import io.streamz.cluster.ClusterStream;

import java.util.Map;

/**
 * What module streamz-kafka provides to {@link Stream#toKafka}, {@link ClusterStream#toKafka} and
 * {@link ClusterStream#toKafkaEach}, so that streamz-api needs no Kafka client. Found with {@link
 * java.util.ServiceLoader} through {@link KafkaSinkProviders}; implementations need a public
 * no-argument constructor.
 */
public interface KafkaSinkProvider {
    /** A sink writing the elements of {@code upstream} to {@code topic}, from this JVM. */
    <T> KafkaSink<T> toKafka(Stream<T> upstream, String topic, Map<String, ?> producerParams);

    /** A cluster step writing the elements of {@code upstream} to {@code topic}, from the servers. */
    <T> ClusterStream<T> toKafka(ClusterStream<T> upstream, String topic, Map<String, ?> producerParams);

    /**
     * A cluster step writing every item of the {@code Iterable} elements of {@code upstream} to {@code
     * topic}, from the servers, and passing on each element once all of its items are acknowledged.
     */
    <T> ClusterStream<T> toKafkaEach(ClusterStream<T> upstream, String topic, Map<String, ?> producerParams);
}
