package io.streamz.cluster.internal.job;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a durable accumulate's state keeps to apply each input record once (kept with the state, in
 * {@link AccumulateState}): per partition, the offset of the last record applied, and the outcomes of
 * the records applied and not yet committed by the driver's source. A record at or below the last
 * applied offset of its partition is a replay (a restarted driver reads again what was not committed):
 * it is not applied again, and its stored outcome is answered instead, so whatever follows writes the
 * result again (at least once). A replayed record whose outcome was pruned was committed, so its result
 * went downstream already: it answers absent. Outcomes below a partition's committed offset are pruned
 * as batches bring it, so what is stored is bounded by what is in flight. Records of one partition
 * must come in offset order (one driver-side source, the accumulate's emit order). Mutable: a job works
 * on the copy it decoded, on its own thread.
 */
final class AppliedRecords implements Serializable {
    private static final long serialVersionUID = 1L;

    private final HashMap<String, Partition> partitions = new HashMap<>();

    /** Whether the record at {@code offset} of {@code partition} was applied already. */
    boolean applied(String partition, long offset) {
        Partition applied = partitions.get(partition);
        return applied != null && offset <= applied.last;
    }

    /** Sets element {@code i} of {@code out} to what the applied record at {@code offset} of {@code partition} made. */
    void replay(String partition, long offset, Outcomes out, int i) {
        Partition applied = partitions.get(partition);
        StoredOutcome stored = applied == null ? null : applied.outcomes.get(offset);
        if (stored == null) {
            out.absent(i); // committed, so downstream had its result
        } else {
            stored.restore(out, i);
        }
    }

    /** Records that element {@code i} of {@code out}, the record at {@code offset} of {@code partition}, was applied. */
    void record(String partition, long offset, Outcomes out, int i) {
        Partition applied = partitions.computeIfAbsent(partition, p -> new Partition());
        if (offset > applied.last) {
            applied.last = offset;
            applied.outcomes.put(offset, StoredOutcome.of(out, i));
        }
    }

    /** Forgets the outcomes of records below each partition's committed offset. */
    void prune(Map<String, Long> committedBelow) {
        committedBelow.forEach((partition, committed) -> {
            Partition applied = partitions.get(partition);
            if (applied != null) {
                applied.outcomes.headMap(committed).clear();
            }
        });
    }

    /** How many outcomes are stored, over every partition. */
    int stored() {
        return partitions.values().stream().mapToInt(p -> p.outcomes.size()).sum();
    }

    @Override
    public String toString() {
        return "<applied records of " + partitions.size() + " partitions, " + stored() + " outcomes stored>";
    }

    private static final class Partition implements Serializable {
        private static final long serialVersionUID = 1L;
        long last = -1;
        final TreeMap<Long, StoredOutcome> outcomes = new TreeMap<>();
    }

    /** One element's outcome as {@link Outcomes} had it. */
    private static final class StoredOutcome implements Serializable {
        private static final long serialVersionUID = 1L;
        private final byte status;
        private final Object value;
        private final Throwable error;

        private StoredOutcome(byte status, Object value, Throwable error) {
            this.status = status;
            this.value = value;
            this.error = error;
        }

        static StoredOutcome of(Outcomes out, int i) {
            return new StoredOutcome(out.status(i), out.value(i), out.error(i));
        }

        void restore(Outcomes out, int i) {
            if (status == Outcomes.PRESENT) {
                out.present(i, value);
            } else if (status == Outcomes.ABSENT) {
                out.absent(i);
            } else {
                out.failed(i, error);
            }
        }
    }
}
