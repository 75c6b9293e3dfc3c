package io.streamz.cluster.internal.driver;

import io.streamz.cluster.internal.job.Codec;
import io.streamz.cluster.internal.job.JobResult;
import io.streamz.cluster.internal.job.Outcomes;
import io.streamz.local.internal.core.Futures;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

/**
 * What flows through the local graph of a {@code ClusterStream}: either a value still on the driver
 * (right after {@code scatter}; kept with its encoded form, which the first cluster step ships), or
 * the result of a cluster step, which stays on the cluster as element {@link #index()} of a stored
 * {@link TaskResults}. A result handle completes when its task answered: present, absent (filtered out) or
 * failed with the user function's exception (or failed at once, when the element could not be sent).
 */
public final class Handle {

    private final CompletableFuture<Void> ready;
    private final boolean inline;
    private final Object inlineValue;
    private final byte[] encoded;
    // Written before ready completes; the completion publishes them.
    private TaskResults batch;
    private int index;
    private boolean absent;
    private Throwable failure;
    // The bytes of this result's scattered input, counted in flight until it is known.
    private BytesInFlight inFlight;
    private long inFlightBytes;
    // The step's count of results not known yet, this one included until it is.
    private LongAdder pending;

    private Handle(CompletableFuture<Void> ready, boolean inline, Object inlineValue, byte[] encoded) {
        this.ready = ready;
        this.inline = inline;
        this.inlineValue = inlineValue;
        this.encoded = encoded;
    }

    /** A handle to the result of a step, pending until the step answers. */
    public Handle() {
        this(new CompletableFuture<>(), false, null, null);
    }

    /** A handle to a value still on the driver, and its {@code encoded} form (see {@code ElementEncoder}). */
    public static Handle inline(Object value, byte[] encoded) {
        return new Handle(Futures.DONE, true, value, encoded);
    }

    /** A handle to an element that failed before reaching the cluster. */
    public static Handle failed(Throwable error) {
        Handle handle = new Handle();
        handle.fail(error);
        return handle;
    }

    /**
     * How many encoded bytes of values still on the driver {@code input} (a handle, or a {@code List}
     * of inputs made by zip, partition or a window) holds: what a task ships for it.
     */
    public static long shippedBytes(Object input) {
        if (input instanceof Handle handle) {
            return handle.inline ? Codec.bodySize(handle.encoded) : 0;
        }
        long[] bytes = {0};
        Inputs.forEachHandle(input, h -> {
            if (h.isInline()) {
                bytes[0] += Codec.bodySize(h.encoded);
            }
        });
        return bytes[0];
    }

    public CompletableFuture<Void> ready() {
        return ready;
    }

    public boolean isDone() {
        return ready.isDone();
    }

    public boolean isInline() {
        return inline;
    }

    public Object inlineValue() {
        return inlineValue;
    }

    /** The encoded form of the {@link #inlineValue()}, encoded once at {@code scatter}. */
    byte[] encoded() {
        return encoded;
    }

    /** The stored batch holding this result; only for a present result. */
    public TaskResults batch() {
        return batch;
    }

    public int index() {
        return index;
    }

    public boolean isAbsent() {
        return absent;
    }

    /** The exception the element failed with, or {@code null}. */
    public Throwable failure() {
        return failure;
    }

    /**
     * Counts {@code bytes} (this result's scattered input) in {@code inFlight} until this handle
     * completes, waiting for room first (see {@link BytesInFlight#admit}). Before the step gets the input.
     */
    public void holdInFlight(BytesInFlight inFlight, long bytes) {
        inFlight.admit(bytes);
        this.inFlight = inFlight;
        this.inFlightBytes = bytes;
    }

    /**
     * Counts this result in {@code pending} (a step's results not known yet) until this handle
     * completes: without a completion stage per element, which would cost the emitter an allocation
     * and a compare-and-set on the future that the callback thread completes at the same time.
     */
    public void countIn(LongAdder pending) {
        pending.increment();
        this.pending = pending;
    }

    /**
     * Completes this handle as element {@code at} of a task's answer {@code result} says: present in
     * {@code in} (the task's stored or returned batch), absent (filtered out), or failed with what
     * {@code failure} gives for {@code at} (asked only then).
     */
    void settle(JobResult result, TaskResults in, int at, IntFunction<Throwable> failure) {
        byte status = result.status(at);
        if (status == Outcomes.PRESENT) {
            present(in, at);
        } else if (status == Outcomes.ABSENT) {
            markAbsent();
        } else {
            fail(failure.apply(at));
        }
    }

    void present(TaskResults in, int at) {
        this.batch = in;
        this.index = at;
        known();
        ready.complete(null);
    }

    void markAbsent() {
        this.absent = true;
        known();
        ready.complete(null);
    }

    void fail(Throwable error) {
        this.failure = error;
        known();
        ready.completeExceptionally(error);
    }

    /**
     * Hands this handle's accounting (its bytes in flight, its place in the step's pending count) to
     * {@code tally}, which releases the accounting of a whole task at once; before it completes.
     */
    void tallyInto(Tally tally) {
        if (inFlight != null) {
            tally.bytes(inFlight, inFlightBytes);
            inFlight = null;
        }
        if (pending != null) {
            tally.pending(pending);
            pending = null;
        }
    }

    /** The result is known: its input is in flight no more, and it is no longer pending. */
    private void known() {
        if (inFlight != null) {
            inFlight.release(inFlightBytes);
            inFlight = null;
        }
        if (pending != null) {
            pending.decrement();
            pending = null;
        }
    }

    @Override
    public String toString() {
        if (inline) {
            return "<handle: " + inlineValue + ">";
        }
        if (!ready.isDone()) {
            return "<handle: pending>";
        }
        return failure != null ? "<handle: failed " + failure + ">" : absent ? "<handle: absent>" : "<handle: " + batch + "[" + index + "]>";
    }
}
