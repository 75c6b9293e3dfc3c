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
 * {@link BrokerWatch}) and the source keeps trying or stops. One per source, used on its poll thread only.
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
        boolean stopping = options.onUnreachable() == OnUnreachable.STOP;
        StreamEngines.report(source, new BrokerUnreachableException(operation, servers, options.unreachableAfter(), stopping, failure));
        if (stopping) {
            watch.restart();
        }
        return !stopping;
    }

    /** Ends the runs until the next {@code start()}, which waits for the broker afresh. */
    private <V> ConsumerRecords<?, V> stopped() {
        watch.restart();
        return null;
    }

    /** Reports the record and, when it is to be skipped, moves past it; returns whether to go on. */
    private boolean passPoisonRecord(Consumer<?, ?> consumer, RecordDeserializationException e, Skipped skipped) {
        boolean skip = options.onPoisonRecord() == OnPoisonRecord.SKIP;
        StreamEngines.report(source, new PoisonRecordException(operation, e.topicPartition(), e.offset(), skip, e));
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
