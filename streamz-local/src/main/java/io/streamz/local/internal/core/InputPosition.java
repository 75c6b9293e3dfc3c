package io.streamz.local.internal.core;

/**
 * Where one input record lies: its partition and its offset there. An element derived from that
 * record alone carries it in its {@link Refs} (set by {@code flatten} for a batch a counted source
 * emitted), so that a durable step can apply each record once however often it is read again.
 * Immutable.
 *
 * @param partition the record's input partition
 * @param offset    the record's offset in it
 */
public record InputPosition(InputPartition partition, long offset) {
    @Override
    public String toString() {
        return "<position " + partition.name() + "@" + offset + ">";
    }
}
