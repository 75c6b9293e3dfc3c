package io.streamz.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * The producers of the cluster {@code toKafka} steps in one server JVM: one per parameters, made at
 * its first record, shared by every step and job with those parameters (a Kafka producer is
 * thread-safe and batches best when shared), closed once no record went through it for
 * {@code idleTimeout}. Closing when idle, rather than on a signal from the driver, needs no message
 * to reach every server and also frees the producers of a driver that died; a closed producer is made
 * again by the next record.
 *
 * <p>A record that found no broker (Kafka's {@code TimeoutException}: no metadata within {@code
 * max.block.ms}, or no delivery within {@code delivery.timeout.ms}) makes the records sent with the
 * same producer during the next {@code max.block.ms} fail at once with a {@code TimeoutException}
 * saying so, rather than each blocking its task's thread for {@code max.block.ms} again: a cluster
 * task sends its whole batch before it waits, and would otherwise report an unreachable broker only
 * after {@code max.block.ms} times its batch size.
 */
final class ServerProducers {
    /** The producers of this JVM. */
    static final ServerProducers SHARED = new ServerProducers(Duration.ofMinutes(1));
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final Duration idleTimeout;
    private final Map<TreeMap<String, Object>, Entry> entries = new ConcurrentHashMap<>();
    private ScheduledExecutorService sweeper;

    ServerProducers(Duration idleTimeout) {
        this.idleTimeout = idleTimeout;
    }

    /**
     * Writes {@code value} to {@code topic} with the producer for {@code params}, made if needed, and
     * returns it once Kafka acknowledged the record; on the caller's thread, which blocks meanwhile.
     *
     * @throws java.util.concurrent.ExecutionException with Kafka's exception when the write failed
     */
    <T> T write(String topic, TreeMap<String, Object> params, T value) throws Exception {
        return send(topic, params, value).get();
    }

    /**
     * Sends {@code value} to {@code topic} with the producer for {@code params}, made if needed,
     * without waiting for Kafka: the future completes with {@code value} once Kafka acknowledged the
     * record, or with Kafka's exception. On the caller's thread, which blocks only while the
     * producer's buffer is full (up to {@code max.block.ms}). The producer counts as in use until the
     * future completes, so that it is not closed under a record in flight.
     *
     * @throws RuntimeException Kafka's, when the record cannot even be sent (e.g. no serializer for the value)
     */
    @SuppressWarnings("unchecked") // the future completes with value, a T
    <T> CompletableFuture<T> send(String topic, TreeMap<String, Object> params, T value) {
        return using(topic, params, writer -> (CompletableFuture<T>) writer.write(value));
    }

    /**
     * Waits for what {@link #send} or {@link #sendAll} returned, on the caller's thread: its value once
     * Kafka acknowledged, or Kafka's own exception thrown (not wrapped), so that it fails the element
     * as a cluster function's exception does.
     */
    static <R> R acknowledged(CompletableFuture<R> sent) throws Exception {
        try {
            return sent.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /**
     * {@link #send} for every value of {@code values}, in order: the future completes once Kafka
     * acknowledged them all, or with Kafka's exception for the first that failed. The producer is
     * taken once for the whole batch.
     *
     * @throws RuntimeException Kafka's, when a record cannot even be sent (the ones before it are sent)
     */
    CompletableFuture<Void> sendAll(String topic, TreeMap<String, Object> params, Iterable<?> values) {
        return using(topic, params, writer -> writer.writeAll(values));
    }

    /**
     * Runs {@code write} with a writer to {@code topic} on the producer for {@code params}, made if
     * needed, which counts as in use until the write's future completes, so that it is not closed
     * under a record in flight; fails at once while the broker is known to be missing.
     */
    private <R> CompletableFuture<R> using(String topic, TreeMap<String, Object> params,
            Function<RecordWriter<Object>, CompletableFuture<R>> write) {
        Entry entry = entries.compute(params, (key, existing) -> {
            Entry taken = existing == null ? new Entry(ProducerParams.producer(key), maxBlockNanos(key)) : existing;
            taken.users++;
            return taken;
        });
        startSweeper();
        if (entry.brokerMissing()) {
            release(params);
            return CompletableFuture.failedFuture(new TimeoutException("toKafka found no Kafka broker at "
                    + params.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG) + " for an earlier record less than max.block.ms ("
                    + TimeUnit.NANOSECONDS.toMillis(entry.maxBlockNanos) + " ms) ago, so this record to " + topic
                    + " fails at once: check bootstrap.servers and that the brokers run"));
        }
        CompletableFuture<R> acknowledged;
        try {
            acknowledged = write.apply(new RecordWriter<>(topic, entry.producer));
        } catch (RuntimeException e) {
            if (e instanceof TimeoutException) {
                entry.noteBrokerMissing();
            }
            release(params);
            throw e;
        }
        return acknowledged.whenComplete((ignored, error) -> {
            if (error instanceof TimeoutException) {
                entry.noteBrokerMissing();
            }
            release(params);
        });
    }

    private static long maxBlockNanos(Map<String, Object> params) {
        return TimeUnit.MILLISECONDS.toNanos(Long.parseLong(String.valueOf(params.get(ProducerConfig.MAX_BLOCK_MS_CONFIG))));
    }

    /** One user of the producer for {@code params} less, which now counts as used last now. */
    private void release(TreeMap<String, Object> params) {
        entries.computeIfPresent(params, (key, existing) -> {
            existing.users--;
            existing.lastUsed = System.nanoTime();
            return existing;
        });
    }

    /** How many producers are open. */
    int open() {
        return entries.size();
    }

    /** Closes the producers idle for {@code idleTimeout}. */
    void closeIdle() {
        List<Entry> idle = new ArrayList<>();
        long now = System.nanoTime();
        for (TreeMap<String, Object> params : entries.keySet()) {
            entries.computeIfPresent(params, (key, entry) -> {
                if (entry.users == 0 && now - entry.lastUsed >= idleTimeout.toNanos()) {
                    idle.add(entry);
                    return null;
                }
                return entry;
            });
        }
        idle.forEach(entry -> entry.producer.close(CLOSE_TIMEOUT));
    }

    private synchronized void startSweeper() {
        if (sweeper == null) {
            sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "streamz-kafka-idle-producers");
                thread.setDaemon(true);
                return thread;
            });
            long period = Math.max(1, idleTimeout.toMillis() / 4);
            sweeper.scheduleWithFixedDelay(this::closeIdle, period, period, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public String toString() {
        return "ServerProducers[" + entries.size() + " open, closed after " + idleTimeout + " idle]";
    }

    /**
     * A producer and who uses it ({@code users} and {@code lastUsed} changed only inside the map's
     * compute functions), and until when its records fail at once for want of a broker.
     */
    private static final class Entry {
        final Producer<Object, Object> producer;
        final long maxBlockNanos;
        int users;
        long lastUsed = System.nanoTime();
        /** {@link System#nanoTime()} until which a send fails at once; meaningful only while {@code missing}. */
        private volatile long missingUntil;
        private volatile boolean missing;

        Entry(Producer<Object, Object> producer, long maxBlockNanos) {
            this.producer = producer;
            this.maxBlockNanos = maxBlockNanos;
        }

        /** A record found no broker: the next ones fail at once for {@code max.block.ms}. */
        void noteBrokerMissing() {
            missingUntil = System.nanoTime() + maxBlockNanos;
            missing = true;
        }

        boolean brokerMissing() {
            return missing && System.nanoTime() - missingUntil < 0;
        }
    }
}
