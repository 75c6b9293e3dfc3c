package io.streamz.cluster.internal.job;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;

/**
 * A job's answer to the driver: per element whether it is present, absent or failed (with the user
 * function's exception, unwrapped), how long the user function took, and whether the values were
 * stored. The values themselves stay on the cluster, unless only a gather reads them: then they come
 * back here, which spares the round trips of storing, fetching and removing them. Values and
 * exceptions travel encoded by {@link Codec}; the driver decodes them with its own.
 */
public final class JobResult implements Serializable {
    private static final long serialVersionUID = 1L;

    /** {@code null} when every element is present. */
    private final byte[] status;
    /** The encoded {@code Throwable[]}, or {@code null} when none failed. */
    private final byte[] errors;
    /** The encoded values when they come back with the answer, else {@code null}. */
    private final byte[] values;
    private final int size;
    private final long nanos;
    private final boolean stored;
    private final int timedOut;

    JobResult(byte[] status, byte[] errors, byte[] values, int size, long nanos, boolean stored, int timedOut) {
        this.status = status;
        this.errors = errors;
        this.values = values;
        this.size = size;
        this.nanos = nanos;
        this.stored = stored;
        this.timedOut = timedOut;
    }

    public byte status(int i) {
        return status == null ? Outcomes.PRESENT : status[i];
    }

    /** The exceptions of the failed elements by index ({@code null} elsewhere), or {@code null} when none failed. */
    public Throwable[] errors(Codec codec) {
        return errors == null ? null : codec.decode(errors);
    }

    /** The values, when they came back with the answer, else {@code null}. */
    public Object[] values(Codec codec) {
        return values == null ? null : codec.decode(values);
    }

    public int size() {
        return size;
    }

    public int presentCount() {
        if (status == null) {
            return size;
        }
        int count = 0;
        for (byte s : status) {
            if (s == Outcomes.PRESENT) {
                count++;
            }
        }
        return count;
    }

    /** Nanoseconds spent in the user function for the whole batch (0 for a replay). */
    public long nanos() {
        return nanos;
    }

    public boolean stored() {
        return stored;
    }

    /** How many elements failed because their function ran longer than the task timeout. */
    public int timedOut() {
        return timedOut;
    }

    // Custom serialization makes Ignite write this class with its optimized marshaller, which keeps no
    // cluster-wide schema of it: a server that met another streamz version of it still accepts this one.
    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
    }
}
