package io.streamz.kafka;

import io.streamz.function.FunctionEx;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;

/**
 * The function of a cluster {@code toKafka} step: on a server, writes the element with that JVM's
 * producer for these parameters ({@link ServerProducers}) and returns it once Kafka acknowledged it,
 * or throws Kafka's exception, which fails that element as any cluster function's does.
 *
 * @param <T> element type
 */
final class WriteToKafka<T> implements FunctionEx<T, T> {
    private static final long serialVersionUID = 1L;
    private final String topic;
    private final TreeMap<String, Object> params;

    WriteToKafka(String topic, TreeMap<String, Object> params) {
        this.topic = topic;
        this.params = params;
    }

    @Override
    public T applyEx(T x) throws Exception {
        try {
            return ServerProducers.SHARED.write(topic, params, x);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    @Override
    public String toString() {
        return "to_kafka: " + topic;
    }
}
