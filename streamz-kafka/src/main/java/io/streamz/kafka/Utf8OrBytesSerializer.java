package io.streamz.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * {@code toKafka}'s default value serializer: what streamz's {@code to_kafka} accepts, in Java terms:
 * a {@code byte[]} as is, a {@code String} as UTF-8. Anything else fails that element, saying what to
 * do, rather than guessing a format (a {@code toString()} is rarely what a reader of the topic wants).
 */
public final class Utf8OrBytesSerializer implements Serializer<Object> {
    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null || data instanceof byte[]) {
            return (byte[]) data;
        }
        if (data instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        throw new SerializationException("toKafka writes byte[] or String values to " + topic + ", got a "
                + data.getClass().getName() + ": map the elements to String or byte[] first, or set value.serializer");
    }
}
