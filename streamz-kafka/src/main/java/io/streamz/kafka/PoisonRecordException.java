package io.streamz.kafka;

import org.apache.kafka.common.TopicPartition;

/**
 * What the error handler gets for a record a Kafka source ({@code fromKafka}, {@code fromKafkaBatched})
 * could not deserialize: where it is ({@link #partition()}, {@link #offset()}) and, as the cause,
 * Kafka's exception.
 */
public final class PoisonRecordException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient TopicPartition partition;
    private final long offset;

    PoisonRecordException(String operation, TopicPartition partition, long offset, boolean skipped, Throwable cause) {
        super(operation + " could not deserialize the record at offset " + offset + " of " + partition + " and "
                + (skipped ? "skipped it" : "stopped before it: move the group past it, or use OnPoisonRecord.SKIP")
                + ": " + cause.getMessage(), cause);
        this.partition = partition;
        this.offset = offset;
    }

    /** The record's topic and partition. */
    public TopicPartition partition() {
        return partition;
    }

    /** The record's offset in its partition. */
    public long offset() {
        return offset;
    }
}
