package io.streamz.cluster.internal.job;

import io.streamz.cluster.UnmarshallableElementException;
import java.io.Serializable;
import java.util.function.Supplier;
import org.apache.ignite.IgniteException;

/**
 * What a job made of each element of its batch: a value, nothing (filtered out), or the exception
 * the user function threw. Stored whole in the data cache under the batch's key, so that a job
 * re-run after a failover can answer what the first run answered. A value that cannot leave the
 * server as it is (it holds what Ignite writes as {@code null}, cannot be marshalled, or is larger
 * than {@code maxBytes} marshalled) fails its element instead, as {@link ElementEncoder} fails such
 * an element at {@code emit}; the others of the batch are not affected.
 */
public final class Outcomes implements Serializable {
    public static final byte PRESENT = 0;
    public static final byte ABSENT = 1;
    public static final byte FAILED = 2;
    private static final long serialVersionUID = 1L;
    private static final String ROLE = "result";

    private final Object[] values;
    private final byte[] status;
    private final long maxBytes;
    private Throwable[] errors;
    private int present;
    private int timedOut;

    /** The outcomes of {@code size} elements, none of whose values may be larger than {@code maxBytes} marshalled. */
    public Outcomes(int size, long maxBytes) {
        this.values = new Object[size];
        this.status = new byte[size];
        this.maxBytes = maxBytes;
    }

    /** Outcomes no element of which failed, as {@link CompactOutcomes} read them back: {@code values} are trusted. */
    Outcomes(Object[] values, byte[] status, long maxBytes) {
        this.values = values;
        this.status = status;
        this.maxBytes = maxBytes;
        for (byte s : status) {
            if (s == PRESENT) {
                present++;
            }
        }
    }

    /** The limit on each value's marshalled size these outcomes were made with. */
    long maxBytes() {
        return maxBytes;
    }

    /** Whether some element failed (or timed out): its error then goes by the marshallers. */
    boolean anyFailed() {
        return errors != null;
    }

    /** Element {@code i} made {@code value}, unless the value could not leave this server intact: then it failed. */
    public void present(int i, Object value) {
        // A boxed number or a string holds nothing to exclude: spare it the lookup.
        UnmarshallableElementException excluded = Scalars.isScalar(value) ? null : ElementEncoder.excluded(value, ROLE);
        if (excluded != null) {
            failed(i, excluded);
            return;
        }
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

    /** Counts the elements of {@code stage} (a fused stage's outcomes) that timed out as this batch's. */
    void countTimedOut(Outcomes stage) {
        timedOut += stage.timedOut;
    }

    /** How many elements are present. */
    int presentCount() {
        return present;
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

    /** Element {@code i}'s status: {@link #PRESENT}, {@link #ABSENT} or {@link #FAILED}. */
    byte status(int i) {
        return status[i];
    }

    /** Element {@code i}'s error, or {@code null} unless it failed. */
    Throwable error(int i) {
        return errors == null ? null : errors[i];
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

    /** These outcomes encoded whole, as the data cache stores them; a value too large fails its element first. */
    byte[] encoded(Codec codec) {
        return withinLimit(codec, () -> this);
    }

    /**
     * Fails the elements whose values could not be stored (too large or not encodable), as storing
     * them would: a {@link FusedOp}'s stages before the last hold their results to the limits of a
     * stored result, though these never leave the job, so that fusing steps changes no outcome. One
     * encoding of the values when all are within the limit.
     */
    void failUnstorable(Codec codec) {
        withinLimit(codec, () -> values);
    }

    /**
     * The answer to the driver: statuses and errors, and the values only when they go back with it
     * ({@code returned}); otherwise they stay in the cache ({@code stored}) or nobody wants them.
     */
    JobResult result(long nanos, boolean stored, boolean returned, Codec codec) {
        // First: a value too large fails its element, which changes the statuses.
        byte[] returnedValues = returned ? withinLimit(codec, () -> values) : null;
        boolean allPresent = present == values.length;
        return new JobResult(allPresent ? null : status.clone(), errors == null ? null : codec.encode(errors),
                returnedValues, values.length, nanos, stored, timedOut);
    }

    /**
     * {@code whole} (holding the values) encoded. When it is within the limit, so is each value: one
     * encoding is all it costs. Otherwise, or when it cannot be encoded, each value is encoded alone
     * to find those that fail their element, and {@code whole} again without them.
     */
    private byte[] withinLimit(Codec codec, Supplier<Object> whole) {
        IgniteException failure;
        try {
            byte[] bytes = codec.encode(whole.get());
            if (Codec.bodySize(bytes) <= maxBytes) {
                return bytes;
            }
            if (!failOffenders(codec)) {
                // Many values, each within the limit: the batch may be larger than one element.
                return bytes;
            }
            failure = null;
        } catch (IgniteException e) {
            if (!failOffenders(codec)) {
                throw e;
            }
            failure = e;
        }
        try {
            return codec.encode(whole.get());
        } catch (IgniteException e) {
            if (failure != null) {
                e.addSuppressed(failure);
            }
            throw e;
        }
    }

    /** Fails the elements whose values are too large or cannot be encoded; returns whether there were any. */
    private boolean failOffenders(Codec codec) {
        boolean any = false;
        for (int i = 0; i < values.length; i++) {
            if (status[i] != PRESENT || values[i] == null) {
                continue;
            }
            RuntimeException error;
            try {
                long size = Codec.bodySize(codec.encode(values[i]));
                error = size > maxBytes ? ElementEncoder.tooLarge(values[i], ROLE, size, maxBytes) : null;
            } catch (IgniteException e) {
                error = ElementEncoder.notEncodable(values[i], ROLE, e);
            }
            if (error != null) {
                values[i] = null;
                present--;
                failed(i, error);
                any = true;
            }
        }
        return any;
    }
}
