package io.streamz.kafka;

import io.streamz.KafkaSink;
import io.streamz.Stream;
import io.streamz.cluster.ClusterStream;
import io.streamz.local.internal.core.Node;
import io.streamz.spi.KafkaSinkProvider;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * How {@link Stream#toKafka}, {@link ClusterStream#toKafka} and {@link ClusterStream#toKafkaEach}
 * reach this module (a {@link java.util.ServiceLoader} service); not for application code.
 */
public final class KafkaSinks implements KafkaSinkProvider {
    /** Found by {@link java.util.ServiceLoader}. */
    public KafkaSinks() {
    }

    /** The local sink: a producer of its own in this JVM, made now so that bad parameters fail now. */
    @Override
    public <T> KafkaSink<T> toKafka(Stream<T> upstream, String topic, Map<String, ?> producerParams) {
        Node<T> node = cast(Node.asNode(upstream));
        TreeMap<String, Object> params = ProducerParams.of(topic, producerParams);
        return new KafkaSinkNode<>(node, new RecordWriter<>(topic, ProducerParams.<T>producer(params)));
    }

    /** A cluster {@code map} writing on the servers. */
    @Override
    public <T> ClusterStream<T> toKafka(ClusterStream<T> upstream, String topic, Map<String, ?> producerParams) {
        return upstream.map(new WriteToKafka<T>(topic, checkedOnDriver(topic, producerParams)));
    }

    /** As {@link #toKafka(ClusterStream, String, Map)}, each item of the elements one record. */
    @Override
    public <T> ClusterStream<T> toKafkaEach(ClusterStream<T> upstream, String topic, Map<String, ?> producerParams) {
        return upstream.map(new WriteEachToKafka<T>(topic, checkedOnDriver(topic, producerParams)));
    }

    /**
     * The parameters the servers get. A producer is made here and closed at once, only to check them
     * before any element (it does not connect).
     */
    private static TreeMap<String, Object> checkedOnDriver(String topic, Map<String, ?> producerParams) {
        TreeMap<String, Object> params = ProducerParams.of(topic, producerParams);
        ProducerParams.producer(params).close(Duration.ZERO);
        return params;
    }

    @SuppressWarnings("unchecked")
    private static <T> Node<T> cast(Node<?> node) {
        return (Node<T>) node;
    }
}
