package io.streamz.kafka;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of {@link KafkaSource#fromKafka(java.util.List, java.util.Map, KafkaSourceOptions)}, as
 * streamz's keyword arguments, and of {@code fromKafkaBatched} through {@link KafkaBatchOptions#source()};
 * each {@code with...} method returns new options.
 *
 * @param pollInterval      how long a poll waits for records when nothing is new, and the pause
 *                          before the next one (streamz's {@code poll_interval}, 0.1 s by default)
 * @param keepTombstones    whether records with a {@code null} value (tombstones) are emitted, as
 *                          {@code null} elements. By default they are skipped, as streamz's
 *                          {@code from_kafka} skips them
 * @param onPoisonRecord    what a record whose key or value cannot be deserialized does (Kafka's
 *                          {@code RecordDeserializationException}): {@link OnPoisonRecord#SKIP} by default
 * @param unreachableAfter  how long the source may go without hearing from a broker (polls return
 *                          nothing and a metadata request fails) before it reports a
 *                          {@link BrokerUnreachableException} to the error handler; 30 s by default.
 *                          Read on a cluster, also how long a server's read waits for its records
 * @param onUnreachable     what the source does once it reported an unreachable broker:
 *                          {@link OnUnreachable#RETRY} by default
 */
public record KafkaSourceOptions(Duration pollInterval, boolean keepTombstones, OnPoisonRecord onPoisonRecord,
        Duration unreachableAfter, OnUnreachable onUnreachable) {

    /** What a poison record (one that cannot be deserialized) does to the source. */
    public enum OnPoisonRecord {
        /**
         * The record is skipped: the error handler gets a {@link PoisonRecordException} naming its
         * topic, partition and offset, and the source goes on with the next record.
         */
        SKIP,
        /**
         * The error handler gets the {@link PoisonRecordException} and the source stops before the
         * record ({@code isRunning()} turns false): {@code start()} meets the same record again,
         * unless the group's position was moved past it.
         */
        STOP
    }

    /** What the source does once it reported an unreachable broker. */
    public enum OnUnreachable {
        /** Keeps polling, and goes on as soon as a broker answers; reports again after another outage. */
        RETRY,
        /** Stops ({@code isRunning()} turns false); {@code start()} tries again. */
        STOP
    }

    /** Checks the settings. */
    public KafkaSourceOptions {
        positive("pollInterval", pollInterval);
        Objects.requireNonNull(onPoisonRecord, "onPoisonRecord must not be null: pass OnPoisonRecord.SKIP or STOP");
        positive("unreachableAfter", unreachableAfter);
        Objects.requireNonNull(onUnreachable, "onUnreachable must not be null: pass OnUnreachable.RETRY or STOP");
    }

    /** The defaults documented on each setting. */
    public static KafkaSourceOptions defaults() {
        return new KafkaSourceOptions(KafkaSource.DEFAULT_POLL_INTERVAL, false, OnPoisonRecord.SKIP,
                Duration.ofSeconds(30), OnUnreachable.RETRY);
    }

    /** These options with {@code pollInterval} set. */
    public KafkaSourceOptions withPollInterval(Duration interval) {
        return new KafkaSourceOptions(interval, keepTombstones, onPoisonRecord, unreachableAfter, onUnreachable);
    }

    /** These options with {@code keepTombstones} set. */
    public KafkaSourceOptions withTombstones(boolean keep) {
        return new KafkaSourceOptions(pollInterval, keep, onPoisonRecord, unreachableAfter, onUnreachable);
    }

    /** These options with {@code onPoisonRecord} set. */
    public KafkaSourceOptions withPoisonRecords(OnPoisonRecord action) {
        return new KafkaSourceOptions(pollInterval, keepTombstones, action, unreachableAfter, onUnreachable);
    }

    /** These options reporting an unreachable broker after {@code timeout}, then doing what {@code action} says. */
    public KafkaSourceOptions withUnreachableBroker(Duration timeout, OnUnreachable action) {
        return new KafkaSourceOptions(pollInterval, keepTombstones, onPoisonRecord, timeout, action);
    }

    /** Whether a record with {@code value} is emitted: any but a tombstone ({@code null}), which only when kept. */
    boolean emits(Object value) {
        return value != null || keepTombstones;
    }

    private static void positive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("fromKafka " + name + " must be positive, got " + value);
        }
    }
}
