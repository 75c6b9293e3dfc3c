package io.streamz.kafka;

import io.streamz.cluster.internal.job.Causes;
import io.streamz.cluster.internal.stream.ServerReads;
import io.streamz.local.internal.core.RefCounter;
import io.streamz.local.internal.core.Refs;
import io.streamz.spi.StreamEngines;
import io.streamz.time.Scheduler;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
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
import org.apache.kafka.common.errors.TimeoutException;

/**
 * The driver side of {@code fromKafkaBatched} on a cluster (see {@link KafkaClusterSource}): a local
 * source whose elements are handles to batches the servers read and keep. At each poll it asks the
 * broker for the end of every partition and, for each partition with records past the next offset
 * to read and no read under way, has the partition's server read the next batch ({@link
 * KafkaRangeRead}, run through {@link ServerReads}); the reads of all partitions run at once, and
 * their handles are emitted as they are done, per partition in offset order, each once downstream
 * accepted the one before (back pressure: at most one batch per partition is read ahead of what
 * downstream accepted). A partition's next read starts as soon as its last batch is emitted, without
 * waiting for the other partitions' reads: a slow read (a large batch, a busy server, a skewed
 * partition) holds up only its own partition. It goes on while records are there, and polls again a
 * poll interval after finding none. Commits as {@link KafkaBatchedSource}
 * does: a batch's offsets once everything derived from it is done, on this source's thread.
 *
 * <p>Faults as the other Kafka sources ({@link ConsumerFaults}): a read of only tombstones (left out
 * on the server unless kept) is done at once and not emitted; a read that met a poison record is
 * followed by a read of the records before it, then the record is skipped (done at once) or the
 * source stops before it; a request to the broker from here that finds none, or a read on the servers
 * that heard from none within {@code unreachableAfter}, is reported as a {@link
 * BrokerUnreachableException}, then the source keeps trying or stops.
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
    /** The read under way per partition, in the order they started; empty between polls. */
    private final Map<TopicPartition, Read> reading = new LinkedHashMap<>();

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
        try {
            if (next == null && !assign()) {
                return faults.afterNothing(consumer);
            }
        } catch (TimeoutException e) {
            // No broker answered the driver within metadataTimeout: reported once it is unreachableAfter.
            return faults.afterNothing(consumer);
        }
        boolean goesOn = true;
        try {
            while (goesOn && isRunning()) {
                commits.commitDone(consumer, COMMIT_TIMEOUT);
                Map<TopicPartition, Long> ends = consumer.endOffsets(next.keySet(), metadataTimeout());
                faults.answered();
                startReads(ends);
                if (reading.isEmpty()) {
                    return true;
                }
                goesOn = emitDone();
            }
        } catch (TimeoutException e) {
            goesOn = faults.afterNothing(consumer);
        }
        // Every read started is emitted, also after one that stops the source: they are stored already.
        boolean rest = true;
        for (Read read : reading.values()) {
            rest &= emitRead(read);
        }
        reading.clear();
        return goesOn && rest;
    }

    /**
     * Starts a read of the next batch of every partition with records past its next offset and no
     * read under way: a partition goes on as soon as its last batch is emitted, whatever the others do.
     */
    private void startReads(Map<TopicPartition, Long> ends) {
        next.forEach((partition, from) -> {
            Long end = ends.get(partition);
            if (end != null && from < end && !reading.containsKey(partition)) {
                reading.put(partition, read(partition, from, Math.min(end, from + options.maxBatchSize())));
            }
        });
    }

    /**
     * Waits until a read under way is done, then emits every read done, in the order they started.
     *
     * @return whether the source goes on
     */
    private boolean emitDone() {
        CompletableFuture.anyOf(reading.values().stream().map(Read::handle).toArray(CompletableFuture[]::new))
                .handle((ignored, error) -> null).join();
        boolean goesOn = true;
        for (Iterator<Read> under = reading.values().iterator(); under.hasNext(); ) {
            Read read = under.next();
            if (read.handle.isDone()) {
                under.remove();
                goesOn &= emitRead(read);
            }
        }
        return goesOn;
    }

    /** Has the server of {@code partition} read its records from {@code from} to {@code to} (excluded). */
    private Read read(TopicPartition partition, long from, long to) {
        KafkaRangeRead<V> read = new KafkaRangeRead<>(topic, partition.partition(), serverParams, from, to, options.source());
        return new Read(partition, from, to, reads.read(partition.partition(), read));
    }

    /**
     * Emits the handle of a read once it is there, under the batch's commit counter (a batch of only
     * tombstones is done at once, not emitted); a failed read is handled by {@link #failed}.
     *
     * @return whether the source goes on
     */
    private boolean emitRead(Read read) {
        Object handle;
        try {
            handle = read.handle.join();
        } catch (CompletionException e) {
            return failed(read, e.getCause());
        }
        faults.serversRead();
        next.put(read.partition, read.to);
        RefCounter counter = commits.track(read.partition, read.to);
        if (handle == null) { // the read supplied nothing: only tombstones
            counter.release();
        } else {
            Refs.emitCounted(counter, () -> emitElement(handle));
        }
        return true;
    }

    /**
     * A read failed: at a poison record, the records before it are read and emitted, then the source
     * skips it (done at once, so that commits pass it) or stops before it, as the options say; when
     * the servers heard from no broker, that is reported as a {@link BrokerUnreachableException}; any
     * other failure is reported. The partition's next offset stays where the records stop being
     * emitted, so the next poll reads them again.
     *
     * @return whether the source goes on
     */
    private boolean failed(Read read, Throwable error) {
        PoisonRecordException poison = Causes.first(error, PoisonRecordException.class);
        if (poison != null && poison.offset() >= read.from && poison.offset() < read.to) {
            boolean skip = faults.poisonRecord(poison);
            if (poison.offset() > read.from && !emitRead(read(read.partition, read.from, poison.offset()))) {
                return false;
            }
            if (next.get(read.partition) != poison.offset()) {
                return true; // the records before it were not read: the next poll meets the poison record again
            }
            if (skip) {
                next.put(read.partition, poison.offset() + 1);
                commits.track(read.partition, poison.offset() + 1).release();
            }
            return skip;
        }
        TimeoutException timeout = Causes.first(error, TimeoutException.class);
        if (timeout != null) {
            return faults.serversUnreachable(timeout);
        }
        StreamEngines.report(this, error);
        return true;
    }

    /** Takes every partition of the topic and where to start; {@code false} while the topic has none (not created yet). */
    private boolean assign() {
        Set<TopicPartition> all = new HashSet<>(partitionsOf(topic));
        if (all.isEmpty()) {
            return false;
        }
        // Assigned though never polled (the servers read): asked for the ends of partitions not assigned to it, Kafka's
        // consumer logs a warning per partition at every poll of this source.
        consumer.assign(all);
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

    /** Commits what is done. */
    @Override
    void beforeClose() {
        if (next != null) {
            commits.commitDone(consumer, CLOSE_TIMEOUT);
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

    /** A read under way: the records of {@code partition} from {@code from} to {@code to} (excluded), and its handle to come. */
    private record Read(TopicPartition partition, long from, long to, CompletableFuture<Object> handle) {
    }
}
