package io.streamz.kafka;

import io.streamz.kafka.KafkaSourceOptions.OnPoisonRecord;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * The consumers a server JVM keeps for reading on the cluster ({@code fromKafkaBatched} given a
 * cluster): one per parameters and partition, assigned that partition only, made at its first read.
 * Each read seeks to the offset the driver asks for unless the last read ended there (then it takes
 * first the records the last read fetched past its end), so a partition moved to this server from
 * another one (which left) just goes on from the driver's offset.
 * The consumers have no group: the driver commits. A consumer is used by one read at a time. A
 * consumer no read used for {@code idleTimeout} is closed at the next read of any partition (a
 * source stopped, or its partition moved to another server), so a long-lived server does not keep a
 * connection per partition it ever read; the next read of its partition makes it again.
 *
 * <p>A read leaves tombstones out unless the options keep them, and fails, for the driver to decide
 * what comes next, at a poison record (a {@link PoisonRecordException}, whose offset the driver
 * reads up to) or when the records did not all come within the options' {@code unreachableAfter}.
 */
final class ServerConsumers {
    private static final String OPERATION = "fromKafkaBatched on a cluster";
    /** The consumers of this JVM. */
    static final ServerConsumers SHARED = new ServerConsumers(Duration.ofMinutes(1), System::nanoTime);
    /** How long one poll inside a read waits for the broker. */
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final Map<Key, Reader> readers = new ConcurrentHashMap<>();
    private final long idleNanos;
    private final LongSupplier clock;

    /** Consumers closed once unused for {@code idleTimeout} as {@code clock} (nanoseconds) measures it. */
    ServerConsumers(Duration idleTimeout, LongSupplier clock) {
        this.idleNanos = idleTimeout.toNanos();
        this.clock = clock;
    }

    /**
     * The values of the records of {@code partition} from offset {@code from} to {@code to}
     * (excluded), in offset order, tombstones left out unless {@code options} keep them, read with the
     * consumer for {@code params}; on the caller's thread, which blocks meanwhile.
     *
     * @throws PoisonRecordException at the first record of the range that cannot be deserialized
     * @throws TimeoutException when the records did not all arrive within {@code options.unreachableAfter()}
     */
    <V> List<V> read(TreeMap<String, Object> params, TopicPartition partition, long from, long to, KafkaSourceOptions options) {
        Key key = new Key(params, partition);
        try {
            while (true) {
                Reader reader = readers.computeIfAbsent(key, made -> new Reader(made, clock.getAsLong()));
                reader.lock.lock();
                try {
                    if (!reader.closed) { // else closed as idle since this thread found it: make it again
                        List<V> values = reader.read(from, to, options);
                        reader.lastUsed = clock.getAsLong();
                        return values;
                    }
                } finally {
                    reader.lock.unlock();
                }
            }
        } finally {
            closeIdle();
        }
    }

    /** Closes the consumers unused for the idle timeout, skipping those in a read (never waiting for one). */
    private void closeIdle() {
        long now = clock.getAsLong();
        readers.forEach((key, reader) -> {
            if (now - reader.lastUsed >= idleNanos && reader.lock.tryLock()) {
                try {
                    if (!reader.closed && now - reader.lastUsed >= idleNanos) {
                        reader.closed = true;
                        readers.remove(key, reader);
                        reader.consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
                    }
                } finally {
                    reader.lock.unlock();
                }
            }
        });
    }

    /** How many consumers are open. */
    int open() {
        return readers.size();
    }

    @Override
    public String toString() {
        return "ServerConsumers[" + readers.size() + " open]";
    }

    private record Key(TreeMap<String, Object> params, TopicPartition partition) {
    }

    /** A consumer of one partition and where it stands; its fields are used under its lock. */
    private static final class Reader {
        final ReentrantLock lock = new ReentrantLock();
        final TopicPartition partition;
        final Consumer<Object, Object> consumer;
        /**
         * The offset the next read starts at without a seek (the end of the last read), or -1 when
         * unknown (then the next read seeks).
         */
        long position = -1;
        /**
         * The records the last read's polls returned past its end, in offset order: the next read, which
         * usually starts there, takes them first. Seeking back to them instead would drop them and, when
         * the consumer had reached the log's end, wait up to {@code fetch.max.wait.ms} (500 ms by default)
         * for the fetch it left waiting at the broker before fetching them again.
         */
        final ArrayDeque<ConsumerRecord<Object, Object>> ahead = new ArrayDeque<>();
        /** When a read last ended; read without the lock only to skip the busy ones early. */
        volatile long lastUsed;
        boolean closed;

        Reader(Key key, long now) {
            this.partition = key.partition();
            this.lastUsed = now;
            this.consumer = ConsumerParams.newConsumer(new TreeMap<>(key.params()), OPERATION);
            consumer.assign(List.of(partition));
        }

        <V> List<V> read(long from, long to, KafkaSourceOptions options) {
            List<V> values = new ArrayList<>((int) Math.min(to - from, 10_000));
            Duration timeout = options.unreachableAfter();
            long deadline = System.nanoTime() + timeout.toNanos();
            boolean goesOn = position == from;
            position = -1; // unknown until this read ends well
            if (!goesOn) {
                ahead.clear();
                consumer.seek(partition, from);
            }
            List<ConsumerRecord<Object, Object>> fetched = new ArrayList<>(ahead);
            ahead.clear();
            long at = fetched.isEmpty() ? from : take(fetched, to, values, options);
            while (at < to) {
                if (System.nanoTime() - deadline > 0) {
                    throw new TimeoutException(OPERATION + " read " + values.size() + " of the records from offset "
                            + from + " to " + to + " of " + partition + " within " + timeout
                            + ": check that the broker is reachable from the servers with the consumer parameters given");
                }
                at = take(poll(options).records(partition), to, values, options);
            }
            position = at;
            return Collections.unmodifiableList(values);
        }

        /**
         * Adds the values of {@code records} before {@code to} to {@code values} (as the options say),
         * keeps the others {@link #ahead}, and returns the offset reached: {@code to} once a record at or
         * past it came, else the consumer's position.
         */
        @SuppressWarnings("unchecked")
        private <V> long take(List<ConsumerRecord<Object, Object>> records, long to, List<V> values, KafkaSourceOptions options) {
            for (ConsumerRecord<Object, Object> record : records) {
                if (record.offset() >= to) {
                    ahead.add(record);
                } else if (options.emits(record.value())) {
                    values.add((V) record.value());
                }
            }
            return ahead.isEmpty() ? consumer.position(partition) : to;
        }

        /** One poll; a poison record fails the read (the consumer stays before it, so the position is unknown). */
        private ConsumerRecords<Object, Object> poll(KafkaSourceOptions options) {
            try {
                return consumer.poll(POLL);
            } catch (RecordDeserializationException e) {
                throw PoisonRecordException.portable(OPERATION, e, options.onPoisonRecord() == OnPoisonRecord.SKIP);
            }
        }
    }
}
