package io.streamz.local.internal.core;

import java.util.List;

/**
 * The positions of the items of one batch a counted source emits (a Kafka batch: one partition's
 * records, in offset order), kept by the batch's {@link RefCounter} so that {@code flatten} can give
 * each item its own {@link InputPosition}. The batch is recognised by identity: an element that is
 * not this very list (a {@code map} made another) gets no positions. Immutable.
 */
public final class BatchPositions {
    private final List<?> batch;
    private final InputPartition partition;
    private final long[] offsets;

    /**
     * The positions of {@code batch}'s items: item {@code i} is the record at {@code offsets[i]} of
     * {@code partition}.
     *
     * @throws IllegalArgumentException when the counts differ
     */
    public BatchPositions(List<?> batch, InputPartition partition, long[] offsets) {
        if (batch.size() != offsets.length) {
            throw new IllegalArgumentException("a batch of " + batch.size() + " items needs as many offsets, got " + offsets.length);
        }
        this.batch = batch;
        this.partition = partition;
        this.offsets = offsets;
    }

    /** Whether {@code element} is this batch itself. */
    boolean isBatch(Object element) {
        return element == batch;
    }

    /** Item {@code index}'s position. */
    InputPosition of(int index) {
        return new InputPosition(partition, offsets[index]);
    }

    @Override
    public String toString() {
        return "<positions of " + offsets.length + " items of " + partition.name() + ">";
    }
}
