package io.streamz.kafka;

import java.io.Serializable;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The producer configuration of a {@code toKafka}: the user's parameters checked, with this module's
 * defaults added, as serializable values (class names rather than classes) so that a cluster step can
 * carry them to the servers.
 */
final class ProducerParams {
    /**
     * How long a send may block for metadata or buffer room before it fails (Kafka's default is 60 s):
     * what bounds the time until an unreachable broker is reported.
     */
    static final Duration DEFAULT_MAX_BLOCK = Duration.ofSeconds(30);

    private ProducerParams() {
    }

    /**
     * The configuration for {@code topic} from {@code producerParams}, sorted (equal parameters give
     * equal maps), with defaults: no key, values by {@link Utf8OrBytesSerializer}, {@code max.block.ms}
     * {@link #DEFAULT_MAX_BLOCK}.
     *
     * @throws IllegalArgumentException naming what is missing or cannot be carried
     */
    static TreeMap<String, Object> of(String topic, Map<String, ?> producerParams) {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("toKafka needs a topic, got " + (topic == null ? "null" : "a blank one"));
        }
        if (producerParams == null) {
            throw new IllegalArgumentException("toKafka producerParams is null: pass at least bootstrap.servers");
        }
        Object servers = producerParams.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG);
        if (servers == null || servers.toString().isBlank()) {
            throw new IllegalArgumentException("toKafka needs the producer parameter bootstrap.servers (host:port of one or more brokers)");
        }
        TreeMap<String, Object> params = new TreeMap<>();
        producerParams.forEach((key, value) -> params.put(key, carried(key, value)));
        params.putIfAbsent(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        params.putIfAbsent(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, Utf8OrBytesSerializer.class.getName());
        params.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(DEFAULT_MAX_BLOCK.toMillis()));
        return params;
    }

    /**
     * A producer made from {@code params}.
     *
     * @throws IllegalArgumentException when Kafka refuses the parameters (a serializer class that does
     *         not exist, a bad value), with Kafka's reason
     */
    static <T> KafkaProducer<Object, T> producer(Map<String, Object> params) {
        try {
            return new KafkaProducer<>(new HashMap<>(params));
        } catch (KafkaException e) {
            throw new IllegalArgumentException("toKafka could not make a Kafka producer from its parameters: "
                    + e.getMessage() + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"), e);
        }
    }

    /** {@code value} as something serializable: a class by its name. */
    private static Object carried(String key, Object value) {
        if (value instanceof Class<?> type) {
            return type.getName();
        }
        if (value != null && !(value instanceof Serializable)) {
            throw new IllegalArgumentException("toKafka producer parameter " + key + " is a " + value.getClass().getName()
                    + ", which is not serializable: pass a String (a class by its name)");
        }
        return value;
    }
}
