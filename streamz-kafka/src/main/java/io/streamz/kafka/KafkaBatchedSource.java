package io.streamz.kafka;

import io.streamz.local.internal.core.RefCounter;
import io.streamz.local.internal.core.Refs;
import io.streamz.time.Scheduler;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * streamz's {@code from_kafka_batched}, read on this JVM (made by {@link
 * KafkaSource#fromKafkaBatched}): once {@link #start()}ed, reads every partition of one topic and
 * emits, per partition per poll, the values of the records Kafka returned as one immutable {@code
 * List} of at most {@code maxBatchSize}, in offset order, each once downstream accepted the one
 * before (back pressure reaches Kafka). Each partition starts at the group's committed offset, or
 * where {@code auto.offset.reset} says when there is none ({@code latest} unless the parameters say
 * otherwise, as streamz). When nothing is new, a poll waits up to the poll interval and the next one
 * starts a poll interval later. The partitions are assigned, not subscribed: no group rebalancing,
 * as streamz; every partition the topic has at the first poll is read.
 *
 * <p><b>At least once.</b> The source commits a batch's offsets only once the batch is <em>done</em>:
 * every element derived from it was accepted downstream, and no node holds any of them any more (a
 * buffer's queue, a window's contents, an async step or a cluster step in flight, a result not yet
 * gathered). An element whose processing failed counts as done once its failure went to the emitter
 * or the error handler. Per partition, the committed offset only moves over done batches in offset
 * order: a batch done before an older one waits for it. Commits happen on the source's thread at
 * its next poll (or at {@link #destroy()}), so they trail completion by up to about a poll interval.
 * What a crash, a kill or {@link #destroy()} leaves behind is every batch not done by then (those in
 * flight and those an operator dropped because it was destroyed): the group's next reader gets them
 * all again, and maybe done batches after the first not done one: at least once, never a gap. Kafka's
 * auto-commit is turned off, whatever the parameters say.
 *
 * <p>Faults as {@code fromKafka} (the {@link KafkaSourceOptions} in {@link KafkaBatchOptions#source()}):
 * tombstones are left out of the batches unless kept (a batch left empty is not emitted, and counts
 * as done); a poison record is reported as a {@link PoisonRecordException} and skipped, the records
 * after it coming in the next batch, or stops the source before it; a broker that cannot be reached
 * (at the first poll too, while the topic's partitions are asked for) is reported as a {@link
 * BrokerUnreachableException} within {@code unreachableAfter}, then the source keeps trying or stops.
 * Commits pass a poison record only when it was skipped.
 *
 * <p>How "done" is counted: each batch is emitted under a {@link RefCounter}; the local operators that
 * keep elements past the emit call hold it ({@link Refs}) until what they made of them went on. The
 * counter also knows each value's record (partition {@code topic/partition}, offset): {@code flatten}
 * of the batch emits each value under its own position, and a {@code durable} cluster accumulate
 * applies each record once, replays included (see {@code ClusterStream.durable}).
 *
 * <p>A source of the local graph, it inherits the engine's {@code Node} methods: they are internal,
 * not for application code (README "What is yours" says why the type does not hide them).
 *
 * @param <V> record value type
 */
public final class KafkaBatchedSource<V> extends ConsumerSource<List<V>, V> {
    private final String topic;
    private final KafkaBatchOptions options;
    private final BatchCommits commits = new BatchCommits();
    /** Batches polled and not emitted yet (a stop came in the middle of a poll's batches). */
    private final ArrayDeque<Batch<V>> pending = new ArrayDeque<>();
    private boolean assigned;

    /** A source reading {@code topic} with {@code consumer}, which no one else uses and which does not auto-commit. */
    KafkaBatchedSource(String topic, Consumer<?, V> consumer, KafkaBatchOptions options, String servers, Scheduler scheduler) {
        super(consumer, "fromKafkaBatched", options.source(), servers, scheduler);
        this.topic = topic;
        this.options = options;
    }

    /** What {@link KafkaSource#fromKafkaBatched(String, Map, KafkaBatchOptions)} makes. */
    static <V> KafkaBatchedSource<V> create(String topic, Map<String, ?> consumerParams, KafkaBatchOptions options) {
        checkArguments(topic, options, "fromKafkaBatched");
        Map<String, Object> params = ConsumerParams.checked(consumerParams, "fromKafkaBatched");
        params.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        params.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        params.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, options.maxBatchSize());
        return new KafkaBatchedSource<>(topic, ConsumerParams.newConsumer(params, "fromKafkaBatched"), options,
                ConsumerParams.servers(params), Scheduler.system());
    }

    /**
     * Checks what every {@code fromKafkaBatched}, on the driver or on a cluster, is given.
     *
     * @throws IllegalArgumentException naming {@code operation} and what is wrong
     */
    static void checkArguments(String topic, KafkaBatchOptions options, String operation) {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException(operation + " needs a topic, got " + (topic == null ? "null" : "'" + topic + "'"));
        }
        if (options == null) {
            throw new IllegalArgumentException(operation + " options are null: pass KafkaBatchOptions.DEFAULTS");
        }
    }

    @Override
    protected boolean poll() {
        if (!assigned && !assign()) {
            return faults.afterNothing(consumer);
        }
        while (isRunning()) {
            commits.commitDone(consumer, COMMIT_TIMEOUT);
            if (pending.isEmpty()) {
                ConsumerRecords<?, V> records = faults.poll(consumer, options.pollInterval(), this::skipped);
                if (records == null) {
                    return false;
                }
                if (records.isEmpty()) {
                    return true;
                }
                split(records);
            }
            emitPending();
        }
        return true;
    }

    /**
     * Takes every partition of the topic; {@code false} while the topic has none (not created yet) or
     * no broker answered (within {@link #metadataTimeout()}, so that an unreachable broker is reported in time).
     */
    private boolean assign() {
        List<TopicPartition> assignment;
        try {
            assignment = partitionsOf(topic);
        } catch (TimeoutException e) {
            return false;
        }
        if (assignment.isEmpty()) {
            return false;
        }
        consumer.assign(assignment);
        assigned = true;
        return true;
    }

    /** Queues a batch per partition, split at the maximum batch size, in offset order. */
    private void split(ConsumerRecords<?, V> records) {
        for (TopicPartition partition : records.partitions()) {
            List<? extends ConsumerRecord<?, V>> polled = records.records(partition);
            for (int from = 0; from < polled.size(); from += options.maxBatchSize()) {
                int to = Math.min(polled.size(), from + options.maxBatchSize());
                List<V> values = new ArrayList<>(to - from);
                long[] offsets = new long[to - from];
                for (ConsumerRecord<?, V> record : polled.subList(from, to)) {
                    if (options.source().emits(record.value())) {
                        offsets[values.size()] = record.offset();
                        values.add(record.value());
                    }
                }
                pending.add(new Batch<>(partition, Collections.unmodifiableList(values), Arrays.copyOf(offsets, values.size()),
                        polled.get(to - 1).offset() + 1));
            }
        }
    }

    private void emitPending() {
        while (isRunning() && !pending.isEmpty()) {
            Batch<V> batch = pending.poll();
            RefCounter counter = commits.track(batch.partition(), batch.nextOffset(), batch.values(), batch.offsets());
            if (batch.values().isEmpty()) {
                counter.release(); // only tombstones: nothing to emit, done at once
            } else {
                Refs.emitCounted(counter, () -> emitElement(batch.values()));
            }
        }
    }

    /**
     * A poison record was skipped (only on the poll thread, when every batch polled before is tracked):
     * done at once, so that commits may pass it once the batches before it are done.
     */
    private void skipped(TopicPartition partition, long offset) {
        commits.track(partition, offset + 1).release();
    }

    /** Commits what is done; the batches not emitted are the next reader's. */
    @Override
    void beforeClose() {
        try {
            if (assigned) {
                commits.commitDone(consumer, CLOSE_TIMEOUT);
            }
        } finally {
            pending.clear();
        }
    }

    @Override
    protected String operatorName() {
        return "from_kafka_batched";
    }

    @Override
    protected String describeArgument() {
        return topic;
    }

    /** The values of consecutive records of one partition, their offsets, and the offset after the last. */
    private record Batch<V>(TopicPartition partition, List<V> values, long[] offsets, long nextOffset) {
    }
}
