package io.streamz.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** The checks and defaults the Kafka sources share for their consumer parameters; errors name the operation. */
final class ConsumerParams {
    private ConsumerParams() {
    }

    /**
     * A copy of {@code consumerParams} with {@code bootstrap.servers} and {@code group.id} checked and
     * byte-array deserializers unless others are named.
     *
     * @throws IllegalArgumentException naming {@code operation} and what is missing
     */
    static Map<String, Object> checked(Map<String, ?> consumerParams, String operation) {
        if (consumerParams == null) {
            throw new IllegalArgumentException(operation + " consumerParams is null: pass at least bootstrap.servers and group.id");
        }
        require(consumerParams, ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "host:port of one or more brokers", operation);
        require(consumerParams, ConsumerConfig.GROUP_ID_CONFIG, "the consumer group this source reads for", operation);
        Map<String, Object> params = new HashMap<>(consumerParams);
        params.putIfAbsent(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        params.putIfAbsent(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return params;
    }

    /**
     * A consumer made from {@code params}.
     *
     * @throws IllegalArgumentException when Kafka rejects them, with Kafka's reason
     */
    static <V> KafkaConsumer<Object, V> newConsumer(Map<String, Object> params, String operation) {
        try {
            return new KafkaConsumer<>(params);
        } catch (KafkaException e) {
            throw new IllegalArgumentException(operation + " could not make a Kafka consumer from its parameters: "
                    + e.getMessage() + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"), e);
        }
    }

    /** The brokers {@code params} (checked) name, for messages. */
    static String servers(Map<String, Object> params) {
        return String.valueOf(params.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG));
    }

    private static void require(Map<String, ?> params, String key, String what, String operation) {
        Object value = params.get(key);
        if (value == null || value.toString().isBlank()) {
            throw new IllegalArgumentException(operation + " needs the consumer parameter " + key + " (" + what + ")");
        }
    }
}
