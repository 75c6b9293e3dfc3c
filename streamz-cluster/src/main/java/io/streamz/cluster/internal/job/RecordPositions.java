package io.streamz.cluster.internal.job;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * The input records the elements of a durable accumulate's batch come from (a Kafka partition and
 * offset each, see {@code io.streamz.local.internal.core.InputPosition}), and per partition the offset below
 * which the driver's source committed it: what {@link AppliedRecords} applies each record once by and
 * prunes its stored results by. An element with no position (made from several records, or from no
 * counted source) has none here and is applied as any element. Built on the driver, read on a server.
 */
public final class RecordPositions implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Per element, its record's partition, or {@code null}. */
    private final String[] partitions;
    private final long[] offsets;
    private final HashMap<String, Long> committedBelow = new HashMap<>();

    /** Positions for a batch of {@code size} elements, none known yet. */
    public RecordPositions(int size) {
        this.partitions = new String[size];
        this.offsets = new long[size];
    }

    /** Element {@code i} is the record at {@code offset} of {@code partition}, which is committed below {@code committed}. */
    public void set(int i, String partition, long offset, long committed) {
        partitions[i] = partition;
        offsets[i] = offset;
        committedBelow.merge(partition, committed, Math::max);
    }

    /** Whether some element has a position. */
    public boolean any() {
        return !committedBelow.isEmpty();
    }

    /** Element {@code i}'s partition, or {@code null} when it has no position. */
    String partition(int i) {
        return partitions[i];
    }

    long offset(int i) {
        return offsets[i];
    }

    /** Per partition of these elements, the offset below which the source committed it. */
    Map<String, Long> committedBelow() {
        return committedBelow;
    }

    @Override
    public String toString() {
        return "<positions of " + partitions.length + " elements in " + committedBelow.keySet() + ">";
    }
}
