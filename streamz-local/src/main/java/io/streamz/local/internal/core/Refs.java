package io.streamz.local.internal.core;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The reference counters an element carries: streamz's {@code metadata} with its {@code ref}s, kept
 * off the element so that {@code update(x, from)} stays as it is. A counted source (e.g. {@code
 * fromKafkaBatched}) makes a {@link RefCounter} per unit of input and emits under it ({@link
 * #runWith}); the emit call chain sees it as {@link #current()}. A node that keeps an element past
 * the emit call takes a hold on the current references ({@link #retainCurrent()}), and gives them
 * back once what it made of the element was accepted downstream ({@link #emitAndRelease}), emitting
 * it under them so that the next holder retains them in turn. A window emits under the union of its
 * elements' references. So a counter reaches zero when nothing derived from its input is held or
 * on its way anywhere: the input is done.
 *
 * <p>Positions: an element derived from one input record alone also carries that record's {@link
 * InputPosition} here ({@link #position()}), which a durable step uses to apply each record once.
 * {@code flatten} of a batch whose counter knows its items' positions sets it ({@link #forItem});
 * everything that mixes records drops it: the union of references with different positions has none,
 * and {@code flatten} of any other element emits its items without one.
 *
 * <p>An instance is an immutable set of counters; "owning" one means having retained each of its
 * counters once, to be released once. Holders that are destroyed keep their holds (their elements
 * never got done: at least once means their input is read again).
 *
 * <p>Costs nothing when no counted source exists in this JVM: {@link #current()} is then a read of
 * one static volatile field that answers {@code null}, and nothing is allocated.
 */
public final class Refs {
    /** Set once the first counted source exists; until then nobody reads {@link #CURRENT}. */
    private static volatile boolean inUse;
    private static final ThreadLocal<Refs> CURRENT = new ThreadLocal<>();

    private final RefCounter[] counters;
    /** The one input record the element comes from, or {@code null}. */
    private final InputPosition position;

    private Refs(RefCounter[] counters, InputPosition position) {
        this.counters = counters;
        this.position = position;
    }

    /** The references of one counter; the caller owns them (the counter starts held once). */
    public static Refs of(RefCounter counter) {
        if (!inUse) { // a read, not a write per input: the flag's cache line stays shared
            inUse = true;
        }
        return new Refs(new RefCounter[] {counter}, null);
    }

    /** The references of what the current thread is emitting, or {@code null} (most of the time). */
    public static Refs current() {
        return inUse ? CURRENT.get() : null;
    }

    /** {@link #current()}, retained once for the caller, who must release it; {@code null} when none. */
    public static Refs retainCurrent() {
        Refs refs = current();
        if (refs != null) {
            refs.retain();
        }
        return refs;
    }

    /** Retains each counter once. */
    public Refs retain() {
        for (RefCounter counter : counters) {
            counter.retain();
        }
        return this;
    }

    /** Releases each counter once. */
    public void release() {
        for (RefCounter counter : counters) {
            counter.release();
        }
    }

    /** Releases {@code refs} unless {@code null}. */
    public static void release(Refs refs) {
        if (refs != null) {
            refs.release();
        }
    }

    /**
     * One owned set of the counters of two owned ones (either may be {@code null}): a counter in both
     * is released once, so the result holds each counter once. What a window adds an element with.
     */
    public static Refs merge(Refs held, Refs more) {
        if (more == null) {
            return held;
        }
        if (held == null) {
            return more;
        }
        RefCounter[] union = Arrays.copyOf(held.counters, held.counters.length + more.counters.length);
        int size = held.counters.length;
        for (RefCounter counter : more.counters) {
            if (held.contains(counter)) {
                counter.release();
            } else {
                union[size++] = counter;
            }
        }
        InputPosition position = Objects.equals(held.position, more.position) ? held.position : null;
        if (size == held.counters.length && position == held.position) {
            return held;
        }
        return new Refs(Arrays.copyOf(union, size), position);
    }

    /** The union of {@code each} (entries may be {@code null}), retained once for the caller; {@code null} when empty. */
    public static Refs retainUnion(Refs[] each) {
        Refs union = null;
        for (Refs refs : each) {
            if (refs != null) {
                union = merge(union, refs.retain());
            }
        }
        return union;
    }

    /** The position of the one input record the element comes from, or {@code null} when unknown or several. */
    public InputPosition position() {
        return position;
    }

    /**
     * How {@code flatten} emits item {@code index} of {@code element}: under these counters with the
     * item's position when {@code element} is the batch of the only counter and its positions are known;
     * without a position otherwise, since each item would claim the element's whole position. Allocates
     * only for elements with positions.
     */
    public Refs forItem(Object element, int index) {
        BatchPositions positions = counters.length == 1 ? counters[0].positions() : null;
        if (positions != null && positions.isBatch(element)) {
            return new Refs(counters, positions.of(index));
        }
        return position == null ? this : new Refs(counters, null);
    }

    private boolean contains(RefCounter counter) {
        for (RefCounter held : counters) {
            if (held == counter) {
                return true;
            }
        }
        return false;
    }

    /**
     * What a counted source does with each input: runs {@code emit} (which emits the input and waits
     * for downstream's acceptance) under {@code counter}, then lets go of the creator's hold, so that
     * the counter is done once the holders downstream are.
     */
    public static void emitCounted(RefCounter counter, Runnable emit) {
        try {
            runWith(of(counter), emit);
        } finally {
            counter.release();
        }
    }

    /** Runs {@code emit} with {@code refs} as the current references of this thread, then restores the previous ones. */
    public static void runWith(Refs refs, Runnable emit) {
        Refs previous = enter(refs);
        try {
            emit.run();
        } finally {
            exit(refs, previous);
        }
    }

    /**
     * {@code node} emits {@code x} downstream under {@code owned} (may be {@code null}), which are
     * released once downstream accepted {@code x} (at once when it did synchronously, or failed:
     * the error handler or the emitter has the failure, so {@code x} counts as done).
     */
    public static CompletableFuture<?> emitAndRelease(Node<?> node, Object x, Refs owned) {
        if (owned == null) {
            return emitWith(node, x, null);
        }
        CompletableFuture<?> accepted;
        try {
            accepted = emitWith(node, x, owned);
        } catch (RuntimeException | Error e) {
            owned.release();
            throw e;
        }
        if (accepted == null || accepted.isDone()) {
            owned.release();
        } else {
            accepted.whenComplete((ignored, error) -> owned.release());
        }
        return accepted;
    }

    /**
     * {@code node} emits {@code x} downstream under {@code refs} (may be {@code null}: none), which the
     * caller keeps owning (or borrows from the element being emitted); on the emitting thread.
     */
    public static CompletableFuture<?> emitWith(Node<?> node, Object x, Refs refs) {
        Refs previous = enter(refs);
        try {
            return node.emitDownstream(x);
        } finally {
            exit(refs, previous);
        }
    }

    private static Refs enter(Refs refs) {
        if (!inUse) {
            return null;
        }
        Refs previous = CURRENT.get();
        if (previous != refs) {
            CURRENT.set(refs);
        }
        return previous;
    }

    private static void exit(Refs entered, Refs previous) {
        if (previous == entered) {
            return;
        }
        if (previous == null) {
            CURRENT.remove(); // pool threads keep no trace of an input between tasks
        } else {
            CURRENT.set(previous);
        }
    }

    @Override
    public String toString() {
        return "<refs " + Arrays.toString(counters) + (position == null ? "" : " at " + position) + ">";
    }
}
