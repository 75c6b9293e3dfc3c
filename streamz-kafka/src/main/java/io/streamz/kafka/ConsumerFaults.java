package io.streamz.kafka;

import io.streamz.Stream;
import io.streamz.kafka.KafkaSourceOptions.OnPoisonRecord;
import io.streamz.kafka.KafkaSourceOptions.OnUnreachable;
import io.streamz.spi.StreamEngines;
import java.time.Duration;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * What every Kafka source does about what Kafka's consumer leaves to its caller, as {@link
 * KafkaSourceOptions} say: a poison record (Kafka throws at it on every poll until someone seeks past
 * it) is reported as a {@link PoisonRecordException} and skipped or stops the source; polls that
 * stay empty because no broker answers are reported as a {@link BrokerUnreachableException} (see
 * {@link BrokerWatch}) and the source keeps trying or stops. The same for what the servers of a
 * source reading on a cluster meet ({@link #poisonRecord}, {@link #serversUnreachable}). One per
 * source, used on its poll thread only.
 */
final class ConsumerFaults {
    /** Told the place of each record skipped on purpose, so that commits may pass it. */
    interface Skipped {
        void record(TopicPartition partition, long offset);
    }

    private final Stream<?> source;
    private final String operation;
    private final KafkaSourceOptions options;
    private final String servers;
    private final BrokerWatch watch;
    /** Whether the servers' outage under way was reported already. */
    private boolean serversReported;

    /**
     * The faults of {@code source} (which the error handler is told), made by {@code operation} (e.g.
     * {@code fromKafka}, named in the reports), reading from {@code servers}.
     */
    ConsumerFaults(Stream<?> source, String operation, KafkaSourceOptions options, String servers) {
        this.source = source;
        this.operation = operation;
        this.options = options;
        this.servers = servers;
        this.watch = new BrokerWatch(options.unreachableAfter());
    }

    /**
     * Polls {@code consumer} for up to {@code timeout}, passing poison records as the options say
     * (each one skipped goes to {@code skipped}), and checks the broker after an empty poll.
     *
     * @return the records, empty when none came; {@code null} when the source must stop (a poison
     *         record or an unreachable broker, reported, with the option to stop)
     */
    <V> ConsumerRecords<?, V> poll(Consumer<?, V> consumer, Duration timeout, Skipped skipped) {
        while (true) {
            ConsumerRecords<?, V> records;
            try {
                records = consumer.poll(timeout);
            } catch (RecordDeserializationException e) {
                if (!passPoisonRecord(consumer, e, skipped)) {
                    return stopped();
                }
                // Skipped: the records after it are there now, no need to wait a poll interval.
                continue;
            }
            if (records.isEmpty()) {
                return afterNothing(consumer) ? records : null;
            }
            watch.restart();
            return records;
        }
    }

    /**
     * After a poll or metadata request that brought nothing: checks the broker when it is time.
     *
     * @return whether the source goes on ({@code false}: it reported an unreachable broker and must stop)
     */
    boolean afterNothing(Consumer<?, ?> consumer) {
        TimeoutException failure = watch.afterEmptyPoll(consumer);
        if (failure == null) {
            return true;
        }
        boolean goesOn = unreachable(operation, failure);
        if (!goesOn) {
            watch.restart();
        }
        return goesOn;
    }

    /** A broker answered a request other than a poll (offsets, partitions): the wait for one starts afresh. */
    void answered() {
        watch.restart();
    }

    /**
     * A read on the servers got no answer from the broker in {@code unreachableAfter} ({@code
     * failure}): reported as a {@link BrokerUnreachableException} once until {@link #serversRead()}.
     *
     * @return whether the source goes on ({@code false}: it must stop, the options say so)
     */
    boolean serversUnreachable(Throwable failure) {
        if (serversReported && options.onUnreachable() == OnUnreachable.RETRY) {
            return true;
        }
        serversReported = true;
        return unreachable(operation + " (its servers' reads)", failure);
    }

    /** A read on the servers succeeded: the servers' next outage is reported again. */
    void serversRead() {
        serversReported = false;
    }

    /**
     * Reports {@code poison}, a record this source's consumer, or its servers, could not deserialize.
     *
     * @return whether the source skips it and goes on ({@code false}: it stops before it)
     */
    boolean poisonRecord(PoisonRecordException poison) {
        StreamEngines.report(source, poison);
        return skipsPoisonRecords();
    }

    private boolean skipsPoisonRecords() {
        return options.onPoisonRecord() == OnPoisonRecord.SKIP;
    }

    /** Reports that {@code who} has not reached a broker; returns whether the source goes on. */
    private boolean unreachable(String who, Throwable failure) {
        boolean stopping = options.onUnreachable() == OnUnreachable.STOP;
        StreamEngines.report(source, new BrokerUnreachableException(who, servers, options.unreachableAfter(), stopping, failure));
        return !stopping;
    }

    /** Ends the runs until the next {@code start()}, which waits for the broker afresh. */
    private <V> ConsumerRecords<?, V> stopped() {
        watch.restart();
        return null;
    }

    /** Reports the record and, when it is to be skipped, moves past it; returns whether to go on. */
    private boolean passPoisonRecord(Consumer<?, ?> consumer, RecordDeserializationException e, Skipped skipped) {
        boolean skip = poisonRecord(PoisonRecordException.of(operation, e, skipsPoisonRecords()));
        if (skip) {
            consumer.seek(e.topicPartition(), e.offset() + 1);
            skipped.record(e.topicPartition(), e.offset());
        }
        return skip;
    }

    @Override
    public String toString() {
        return "<faults of " + source + ": " + options.onPoisonRecord() + " poison records, "
                + options.onUnreachable() + " after " + options.unreachableAfter() + " without a broker>";
    }
}
