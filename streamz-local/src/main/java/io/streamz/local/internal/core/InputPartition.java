package io.streamz.local.internal.core;

/**
 * One ordered, replayable input whose records have offsets (a Kafka partition), as a source tracks it:
 * its stable name, the same for every driver reading it, and the offset below which its records are
 * committed (done, and never read again by the source's group), which rises as the source commits.
 * What a durable step keeps per input to apply each record once (see {@link InputPosition}). Any thread.
 */
public final class InputPartition {
    private final String name;
    private volatile long committedBelow;

    /** The input named {@code name} (e.g. {@code topic/partition}), nothing committed known yet. */
    public InputPartition(String name) {
        if (name == null) {
            throw new IllegalArgumentException("an input partition needs a name");
        }
        this.name = name;
    }

    /** The name, stable across drivers. */
    public String name() {
        return name;
    }

    /** The offset below which every record is committed; 0 while this source committed nothing. */
    public long committedBelow() {
        return committedBelow;
    }

    /** The source committed every record below {@code offset}; on the source's thread. */
    public void committed(long offset) {
        if (offset > committedBelow) {
            committedBelow = offset;
        }
    }

    @Override
    public String toString() {
        return "<input partition " + name + ", committed below " + committedBelow + ">";
    }
}
