package io.streamz.kafka;

import io.streamz.Source;
import io.streamz.cluster.Cluster;
import io.streamz.time.Scheduler;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * streamz's {@code from_kafka}: once {@link #start()}ed, emits the value of every record of the topics
 * it subscribes to, in each partition's order, each once downstream has accepted the one before
 * (back pressure reaches Kafka: nothing more is fetched meanwhile). When nothing is new, a poll
 * waits up to the poll interval for records and the next one starts a poll interval later
 * (streamz's {@code poll_interval}, 0.1 s by default).
 *
 * <p>Values are {@code byte[]} unless the parameters name a {@code value.deserializer}. With
 * {@code enable.auto.commit=false} the source commits, after each batch Kafka returned, the offsets of
 * the records downstream has accepted: at least once, since a crash between the two delivers those
 * records again to the group. With Kafka's default auto-commit, Kafka commits what earlier polls
 * returned, which this source has emitted by then.
 *
 * <p>What {@link KafkaSourceOptions} sets: records with a {@code null} value (tombstones) are skipped
 * unless kept; a record that cannot be deserialized is reported to the error handler as a
 * {@link PoisonRecordException} and skipped, or stops the source; a broker that cannot be reached is
 * reported as a {@link BrokerUnreachableException} within {@link KafkaSourceOptions#unreachableAfter()},
 * then the source keeps trying or stops. None of these hangs or retries one record forever.
 *
 * <p>{@link #stop()} pauses after the record in progress; the rest of that batch waits here for the
 * next {@link #start()}. {@link #destroy()} closes the consumer once the record in progress is
 * done, after moving it back to the first record not emitted, so that the group's next consumer
 * gets that record.
 *
 * <p>A source of the local graph, it inherits the engine's {@code Node} methods: they are internal,
 * not for application code (README "What is yours" says why the type does not hide them).
 *
 * @param <V> record value type
 */
public final class KafkaSource<V> extends ConsumerSource<V, V> {
    /** streamz's default {@code poll_interval}. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(100);

    private final List<String> topics;
    private final boolean commitAfterEmit;
    private final KafkaSourceOptions options;
    /** Records Kafka returned that are not emitted yet (a stop came in the middle of a batch). */
    private final ArrayDeque<ConsumerRecord<?, V>> pending = new ArrayDeque<>();
    /** The offsets after the records emitted since the last commit, kept only when this source commits. */
    private final Map<TopicPartition, OffsetAndMetadata> emitted = new HashMap<>();
    private boolean subscribed;

    /**
     * A source reading {@code consumer}, which no one else uses; {@code commitAfterEmit} when the
     * source commits offsets itself (the consumer does not auto-commit).
     */
    KafkaSource(List<String> topics, Consumer<?, V> consumer, boolean commitAfterEmit, KafkaSourceOptions options,
            String servers, Scheduler scheduler) {
        super(consumer, "fromKafka", options, servers, scheduler);
        this.topics = List.copyOf(topics);
        this.commitAfterEmit = commitAfterEmit;
        this.options = options;
    }

    /** {@link #fromKafka(List, Map, Duration)} polling every {@link #DEFAULT_POLL_INTERVAL}. */
    public static <V> KafkaSource<V> fromKafka(List<String> topics, Map<String, ?> consumerParams) {
        return fromKafka(topics, consumerParams, DEFAULT_POLL_INTERVAL);
    }

    /**
     * A source of the records of {@code topics}, read by a Kafka consumer made from {@code
     * consumerParams} (at least {@code bootstrap.servers} and {@code group.id}; see Kafka's consumer
     * configuration), not started.
     *
     * @throws IllegalArgumentException when the topics or parameters cannot make a consumer, saying why
     */
    public static <V> KafkaSource<V> fromKafka(List<String> topics, Map<String, ?> consumerParams, Duration pollInterval) {
        if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("fromKafka pollInterval must be positive, got " + pollInterval);
        }
        return fromKafka(topics, consumerParams, KafkaSourceOptions.defaults().withPollInterval(pollInterval));
    }

    /**
     * A source of the records of {@code topics}, read by a Kafka consumer made from {@code
     * consumerParams} (at least {@code bootstrap.servers} and {@code group.id}; see Kafka's consumer
     * configuration), not started, behaving as {@code options} say.
     *
     * @throws IllegalArgumentException when the topics or parameters cannot make a consumer, saying why
     */
    public static <V> KafkaSource<V> fromKafka(List<String> topics, Map<String, ?> consumerParams, KafkaSourceOptions options) {
        checkTopics(topics);
        if (options == null) {
            throw new IllegalArgumentException("fromKafka options are null: pass KafkaSourceOptions.defaults()");
        }
        Map<String, Object> params = ConsumerParams.checked(consumerParams, "fromKafka");
        boolean commitAfterEmit = "false".equalsIgnoreCase(String.valueOf(params.get(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG)));
        KafkaConsumer<Object, V> consumer = ConsumerParams.newConsumer(params, "fromKafka");
        return new KafkaSource<>(topics, consumer, commitAfterEmit, options, ConsumerParams.servers(params),
                Scheduler.system());
    }

    /** {@link #fromKafkaBatched(String, Map, KafkaBatchOptions)} with {@link KafkaBatchOptions#DEFAULTS} (streamz's). */
    public static <V> KafkaBatchedSource<V> fromKafkaBatched(String topic, Map<String, ?> consumerParams) {
        return fromKafkaBatched(topic, consumerParams, KafkaBatchOptions.DEFAULTS);
    }

    /**
     * streamz's {@code from_kafka_batched}: a source of the records of every partition of {@code
     * topic}, emitted as one {@code List} of values per partition per poll, whose offsets are
     * committed only once everything derived from a batch is done downstream (at least once; see
     * {@link KafkaBatchedSource}), not started. {@code consumerParams} as for {@link #fromKafka}.
     *
     * @throws IllegalArgumentException when the topic, parameters or options cannot make a source, saying why
     */
    public static <V> KafkaBatchedSource<V> fromKafkaBatched(String topic, Map<String, ?> consumerParams, KafkaBatchOptions options) {
        return KafkaBatchedSource.create(topic, consumerParams, options);
    }

    /**
     * streamz's {@code from_kafka_batched(..., dask=True)}: the batches of {@code topic} read by the
     * servers of {@code cluster} and kept there, as a cluster stream ({@link KafkaClusterSource#stream()}),
     * committed at least once, and meeting tombstones, poison records and an unreachable broker, as
     * {@link #fromKafkaBatched(String, Map, KafkaBatchOptions)} does, with the same options; not
     * started. Where {@code fromKafkaBatched(...).scatter(cluster)} brings every record through the
     * driver, this one leaves them on the servers. The servers need streamz-kafka and kafka-clients
     * on their classpath (the Docker image has them). {@code consumerParams} as for {@link #fromKafka}.
     *
     * @throws IllegalArgumentException when the topic, parameters, options or cluster cannot make a source, saying why
     */
    public static <V> KafkaClusterSource<V> fromKafkaBatched(String topic, Map<String, ?> consumerParams, KafkaBatchOptions options,
                                                             Cluster cluster) {
        return KafkaClusterSource.create(topic, consumerParams, options, cluster);
    }

    @Override
    protected boolean poll() {
        if (!subscribed) {
            consumer.subscribe(topics);
            subscribed = true;
        }
        while (isRunning()) {
            if (pending.isEmpty()) {
                ConsumerRecords<?, V> records = faults.poll(consumer, options.pollInterval(), this::markDone);
                if (records == null) {
                    return false;
                }
                if (records.isEmpty()) {
                    return true;
                }
                records.forEach(pending::add);
            }
            emitPending();
            commitEmitted(COMMIT_TIMEOUT);
        }
        return true;
    }

    private void emitPending() {
        while (isRunning() && !pending.isEmpty()) {
            ConsumerRecord<?, V> record = pending.poll();
            if (options.emits(record.value())) {
                emitElement(record.value());
            }
            markDone(new TopicPartition(record.topic(), record.partition()), record.offset());
        }
    }

    private void markDone(TopicPartition partition, long offset) {
        if (commitAfterEmit) {
            emitted.put(partition, new OffsetAndMetadata(offset + 1));
        }
    }

    /**
     * Commits what downstream accepted, when this source commits. A failed commit (the group moved
     * the partitions) is not retried: those records go again to their new reader, at least once.
     */
    private void commitEmitted(Duration timeout) {
        if (emitted.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(emitted, timeout);
        } finally {
            emitted.clear();
        }
    }

    /** Commits what downstream accepted and moves back to the first record not emitted. */
    @Override
    void beforeClose() {
        if (subscribed) {
            commitEmitted(CLOSE_TIMEOUT);
            rewindToPending();
        }
    }

    /** Moves each partition back to its first record not emitted, for the group's next consumer. */
    private void rewindToPending() {
        Map<TopicPartition, Long> first = new HashMap<>();
        for (ConsumerRecord<?, V> record : pending) {
            first.putIfAbsent(new TopicPartition(record.topic(), record.partition()), record.offset());
        }
        first.forEach(consumer::seek);
        pending.clear();
    }

    private static void checkTopics(List<String> topics) {
        if (topics == null || topics.isEmpty()) {
            throw new IllegalArgumentException("fromKafka needs at least one topic");
        }
        for (String topic : topics) {
            if (topic == null || topic.isBlank()) {
                throw new IllegalArgumentException("fromKafka topics must not be null or blank: " + topics);
            }
        }
    }

    @Override
    protected String operatorName() {
        return "from_kafka";
    }

    @Override
    protected String describeArgument() {
        return String.join(", ", topics);
    }
}
