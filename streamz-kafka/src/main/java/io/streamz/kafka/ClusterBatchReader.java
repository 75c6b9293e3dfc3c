package io.streamz.kafka;

import io.streamz.cluster.ignite.driver.Handle;
import io.streamz.cluster.ignite.stream.ServerReads;
import io.streamz.local.core.Refs;
import io.streamz.spi.StreamEngines;
import io.streamz.time.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The driver side of {@code fromKafkaBatched} on a cluster (see {@link KafkaClusterSource}): a local
 * source whose elements are handles to batches the servers read and keep. At each poll it asks the
 * broker for the end of every partition and, for each partition with records past the next offset
 * to read, has the partition's server read the next batch ({@link KafkaRangeRead}, run through
 * {@link ServerReads}); the reads of all partitions run at once, and their handles are emitted per
 * partition in offset order, each once downstream accepted the one before (back pressure: at most
 * one batch per partition is read ahead of what downstream accepted). It goes on while records are
 * there, and polls again a poll interval after finding none. Commits as {@link KafkaBatchedSource}
 * does: a batch's offsets once everything derived from it is done, on this source's thread.
 *
 * @param <V> record value type
 */
final class ClusterBatchReader<V> extends ConsumerSource<Object, V> {
    private final String topic;
    private final TreeMap<String, Object> serverParams;
    private final String resetTo;
    private final KafkaBatchOptions options;
    private final ServerReads reads;
    private final BatchCommits commits = new BatchCommits();
    /** The next offset to read per partition, once the partitions are known. */
    private Map<TopicPartition, Long> next;

    ClusterBatchReader(String topic, Consumer<?, V> consumer, String servers, TreeMap<String, Object> serverParams,
                       String resetTo, KafkaBatchOptions options, ServerReads reads) {
        super(consumer, "fromKafkaBatched on a cluster", options.source(), servers, Scheduler.system());
        this.topic = topic;
        this.serverParams = serverParams;
        this.resetTo = resetTo;
        this.options = options;
        this.reads = reads;
    }

    @Override
    protected boolean poll() {
        if (next == null && !assign()) {
            return true;
        }
        while (isRunning()) {
            commitDone(COMMIT_TIMEOUT);
            List<Read> started = startReads(consumer.endOffsets(next.keySet(), metadataTimeout()));
            if (started.isEmpty()) {
                return true;
            }
            started.forEach(this::emitRead);
        }
        return true;
    }

    /** Starts a read of the next batch of every partition with records past its next offset. */
    private List<Read> startReads(Map<TopicPartition, Long> ends) {
        List<Read> started = new ArrayList<>();
        next.forEach((partition, from) -> {
            Long end = ends.get(partition);
            if (end != null && from < end) {
                long to = Math.min(end, from + options.maxBatchSize());
                KafkaRangeRead<V> read = new KafkaRangeRead<>(topic, partition.partition(), serverParams, from, to);
                started.add(new Read(partition, to, reads.read(partition.partition(), read)));
            }
        });
        return started;
    }

    /**
     * Emits the handle of a read once it is there, under the batch's commit counter; a failed read
     * is reported and read again at the next poll (its partition's next offset stays).
     */
    private void emitRead(Read read) {
        Handle handle;
        try {
            handle = read.handle.join();
        } catch (CompletionException e) {
            StreamEngines.report(this, e.getCause());
            return;
        }
        next.put(read.partition, read.to);
        Refs.emitCounted(commits.track(read.partition, read.to), () -> emitElement(handle));
    }

    /** Takes every partition of the topic and where to start; {@code false} while the topic has none (not created yet). */
    private boolean assign() {
        Set<TopicPartition> all = new HashSet<>(partitionsOf(topic));
        if (all.isEmpty()) {
            return false;
        }
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(all, metadataTimeout());
        Map<TopicPartition, Long> starts = new HashMap<>();
        Set<TopicPartition> reset = new HashSet<>();
        for (TopicPartition partition : all) {
            OffsetAndMetadata offset = committed.get(partition);
            if (offset != null) {
                starts.put(partition, offset.offset());
            } else {
                reset.add(partition);
            }
        }
        if (!reset.isEmpty()) {
            starts.putAll(resetOffsets(reset));
        }
        next = starts;
        return true;
    }

    /** Where partitions without a committed offset start, as {@code auto.offset.reset} says. */
    private Map<TopicPartition, Long> resetOffsets(Set<TopicPartition> partitions) {
        return switch (resetTo) {
            case "earliest" -> consumer.beginningOffsets(partitions, metadataTimeout());
            case "latest" -> consumer.endOffsets(partitions, metadataTimeout());
            default -> throw new IllegalStateException("fromKafkaBatched on a cluster found no committed offset for " + partitions
                    + " and auto.offset.reset is '" + resetTo + "': commit offsets for group, or set it to earliest or latest");
        };
    }

    /** Commits the batches done since the last commit; a failed commit goes to the error handler (at least once). */
    private void commitDone(Duration timeout) {
        Map<TopicPartition, OffsetAndMetadata> offsets = commits.takeCommittable();
        if (!offsets.isEmpty()) {
            consumer.commitSync(offsets, timeout);
        }
    }

    /** Commits what is done. */
    @Override
    void beforeClose() {
        if (next != null) {
            commitDone(CLOSE_TIMEOUT);
        }
    }

    /** What {@code auto.offset.reset} in {@code params} says, {@code latest} (streamz's default) when nothing. */
    static String resetTo(Map<String, Object> params) {
        Object reset = params.get(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG);
        return reset == null ? "latest" : reset.toString().toLowerCase(Locale.ROOT);
    }

    @Override
    protected String operatorName() {
        return "from_kafka_batched";
    }

    @Override
    protected String describeArgument() {
        return topic + " on the cluster";
    }

    /** A read under way: the batch of {@code partition} ending before {@code to}, and its handle to come. */
    private record Read(TopicPartition partition, long to, CompletableFuture<Handle> handle) {
    }
}
