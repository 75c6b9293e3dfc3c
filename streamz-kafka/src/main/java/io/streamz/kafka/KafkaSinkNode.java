package io.streamz.kafka;

import io.streamz.KafkaSink;
import io.streamz.local.internal.core.Node;
import io.streamz.local.internal.ops.MapAsyncNode;
import java.time.Duration;

/**
 * {@code toKafka} on a local stream (streamz's {@code to_kafka}): a {@code mapAsync} whose stage is the
 * record's acknowledgement, which gives the back pressure, the input order downstream and the
 * failures to the emitter of {@link io.streamz.Stream#toKafka}.
 *
 * @param <T> element type
 */
final class KafkaSinkNode<T> extends MapAsyncNode<T, T> implements KafkaSink<T> {
    /** How long {@link #destroy()} waits for the broker at most (Kafka's default is forever). */
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    private final RecordWriter<T> writer;

    KafkaSinkNode(Node<T> upstream, RecordWriter<T> writer) {
        super(upstream, writer::write);
        this.writer = writer;
    }

    @Override
    public void flush() {
        writer.flush();
    }

    /** Flushes and closes the producer, then stops the worker once what Kafka acknowledged went downstream. */
    @Override
    protected void release() {
        writer.close(CLOSE_TIMEOUT);
        idle().whenComplete((ignored, error) -> super.release());
    }

    @Override
    protected String operatorName() {
        return "to_kafka";
    }

    @Override
    protected String describeArgument() {
        return writer.topic();
    }
}
