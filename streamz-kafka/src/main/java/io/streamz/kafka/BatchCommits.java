package io.streamz.kafka;

import io.streamz.local.internal.core.BatchPositions;
import io.streamz.local.internal.core.InputPartition;
import io.streamz.local.internal.core.RefCounter;
import java.time.Duration;
import java.util.List;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The batches of a source in flight, per partition in offset order, and what may be committed: per
 * partition, the offset after the last batch of the longest run of done batches from the oldest on.
 * A batch done before an older one therefore waits for it: a crash never skips a batch not done.
 * {@link #track}, {@link #takeCommittable} and {@link #commitDone} run on the source's thread;
 * batches become done on any thread.
 */
final class BatchCommits {
    private final Map<TopicPartition, ArrayDeque<Tracked>> open = new HashMap<>();
    /** Each partition as the positions of its records name it, with what is committed of it. */
    private final Map<TopicPartition, InputPartition> inputs = new HashMap<>();

    /**
     * A batch of {@code partition} ending before {@code nextOffset}, newer than those tracked before:
     * the counter its elements carry, held once by the caller, done when it reaches zero.
     */
    RefCounter track(TopicPartition partition, long nextOffset) {
        return new RefCounter(open(partition, nextOffset));
    }

    /**
     * {@link #track} for a batch of {@code values}, the records at {@code offsets} of {@code partition}:
     * the counter also knows each value's position, so that {@code flatten} gives each its own.
     */
    RefCounter track(TopicPartition partition, long nextOffset, List<?> values, long[] offsets) {
        BatchPositions positions = new BatchPositions(values, input(partition), offsets);
        return new RefCounter(open(partition, nextOffset), positions);
    }

    private Runnable open(TopicPartition partition, long nextOffset) {
        Tracked batch = new Tracked(nextOffset);
        open.computeIfAbsent(partition, p -> new ArrayDeque<>()).add(batch);
        return batch::markDone;
    }

    /** How positions name {@code partition}: the same name for every driver reading it. */
    private InputPartition input(TopicPartition partition) {
        return inputs.computeIfAbsent(partition, p -> new InputPartition(p.topic() + "/" + p.partition()));
    }

    /** The broker took {@code offsets} (what {@link #takeCommittable} gave): positions carry them from now on. */
    void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
        offsets.forEach((partition, offset) -> input(partition).committed(offset.offset()));
    }

    /** The offsets that became committable since the last call (forgetting their batches); empty when none. */
    Map<TopicPartition, OffsetAndMetadata> takeCommittable() {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        open.forEach((partition, batches) -> {
            long next = -1;
            while (!batches.isEmpty() && batches.peek().done) {
                next = batches.poll().nextOffset;
            }
            if (next >= 0) {
                offsets.put(partition, new OffsetAndMetadata(next));
            }
        });
        return offsets;
    }

    /**
     * Commits with {@code consumer} the batches done since the last commit, waiting at most {@code
     * timeout} for the broker; positions carry the offsets from then on. On the source's poll thread
     * (the consumer's only one), or on the thread that closes it once no poll runs.
     *
     * @throws org.apache.kafka.common.KafkaException when the commit fails: the source's error handler
     *         gets it, and the offsets are committed with the next ones, or read again by the next
     *         reader (at least once)
     */
    void commitDone(Consumer<?, ?> consumer, Duration timeout) {
        Map<TopicPartition, OffsetAndMetadata> offsets = takeCommittable();
        if (!offsets.isEmpty()) {
            consumer.commitSync(offsets, timeout);
            committed(offsets);
        }
    }

    /** How many batches are not committable yet. */
    int inFlight() {
        return open.values().stream().mapToInt(ArrayDeque::size).sum();
    }

    @Override
    public String toString() {
        return "<batch commits: " + inFlight() + " in flight>";
    }

    private static final class Tracked {
        final long nextOffset;
        volatile boolean done;

        Tracked(long nextOffset) {
            this.nextOffset = nextOffset;
        }

        void markDone() {
            done = true;
        }
    }
}
