package io.streamz.cluster.ignite.job;

import java.io.Serializable;

/**
 * What a job made of each element of its batch: a value, nothing (filtered out), or the exception
 * the user function threw. Stored whole in the data cache under the batch's key, so that a job
 * re-run after a failover can answer what the first run answered.
 */
public final class Outcomes implements Serializable {
    public static final byte PRESENT = 0;
    public static final byte ABSENT = 1;
    public static final byte FAILED = 2;
    private static final long serialVersionUID = 1L;

    private final Object[] values;
    private final byte[] status;
    private Throwable[] errors;
    private int present;
    private int timedOut;

    public Outcomes(int size) {
        this.values = new Object[size];
        this.status = new byte[size];
    }

    public void present(int i, Object value) {
        values[i] = value;
        status[i] = PRESENT;
        present++;
    }

    public void absent(int i) {
        status[i] = ABSENT;
    }

    public void failed(int i, Throwable error) {
        status[i] = FAILED;
        if (errors == null) {
            errors = new Throwable[values.length];
        }
        errors[i] = error;
    }

    /**
     * Element {@code i} ran longer than the task timeout: it fails with {@code error}, and the outcome
     * its function recorded, if it {@code returned} at all, is dropped.
     */
    void timedOut(int i, boolean returned, Throwable error) {
        if (returned && status[i] == PRESENT) {
            values[i] = null;
            present--;
        }
        failed(i, error);
        timedOut++;
    }

    /** Sets element {@code i}'s outcome to element {@code j}'s of {@code from}, whatever it is. */
    void copy(int i, Outcomes from, int j) {
        if (from.status[j] == PRESENT) {
            present(i, from.values[j]);
        } else if (from.status[j] == ABSENT) {
            absent(i);
        } else {
            failed(i, from.errors[j]);
        }
    }

    public Object value(int i) {
        return values[i];
    }

    /** Every element's value ({@code null} where absent or failed). */
    public Object[] values() {
        return values;
    }

    public boolean anyPresent() {
        return present > 0;
    }

    /**
     * The answer to the driver: statuses and errors, and the values only when they go back with it
     * ({@code returned}); otherwise they stay in the cache ({@code stored}) or nobody wants them.
     */
    JobResult result(long nanos, boolean stored, boolean returned, Codec codec) {
        boolean allPresent = present == values.length;
        return new JobResult(allPresent ? null : status.clone(), errors == null ? null : codec.encode(errors),
                returned ? codec.encode(values) : null, values.length, nanos, stored, timedOut);
    }
}
