package io.streamz.kafka;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * What the error handler gets for a record a Kafka source ({@code fromKafka}, {@code fromKafkaBatched},
 * also on a cluster) could not deserialize: where it is ({@link #partition()}, {@link #offset()}) and,
 * as the cause, Kafka's exception (when a server met the record: a copy of it without the record's
 * bytes, which cannot travel to the driver).
 */
public final class PoisonRecordException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final TopicPartition partition;
    private final long offset;

    private PoisonRecordException(String operation, TopicPartition partition, long offset, boolean skipped, Throwable cause) {
        super(operation + " could not deserialize the record at offset " + offset + " of " + partition + " and "
                + (skipped ? "skipped it" : "stopped before it: move the group past it, or use OnPoisonRecord.SKIP")
                + ": " + cause.getMessage(), cause);
        this.partition = partition;
        this.offset = offset;
    }

    /**
     * The report of {@code operation} for the record Kafka's consumer threw {@code e} at; {@code
     * skipped} when the source goes on after it, else it stopped before it.
     */
    static PoisonRecordException of(String operation, RecordDeserializationException e, boolean skipped) {
        return new PoisonRecordException(operation, e.topicPartition(), e.offset(), skipped, e);
    }

    /**
     * {@link #of}, for a record met on a server: the cause keeps Kafka's message and the text of its
     * cause, but not the record's bytes and headers, so that it can be sent to the driver.
     */
    static PoisonRecordException portable(String operation, RecordDeserializationException e, boolean skipped) {
        Throwable cause = e.getCause() == null ? null : new SerializationException(e.getCause().toString());
        RecordDeserializationException copy = new RecordDeserializationException(e.topicPartition(), e.offset(), e.getMessage(), cause);
        return of(operation, copy, skipped);
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
