package io.streamz.local.internal.core;

import io.streamz.spi.StreamEngines;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The worker of an asynchronous node (buffer, delay, rateLimit, timedWindow, latest, mapAsync,
 * partition with a timeout): it emits queued elements downstream of its node one at a time, in
 * queue order, on a {@link WorkerThreads} thread, and takes the next only once downstream has
 * accepted the previous one (waiting for downstream futures without blocking a thread). Resumed by
 * such a future, it goes on on the thread that completed it when that thread allows it (a cluster
 * callback thread: {@link WorkerThreads#resume}), else on a worker thread. Timer tasks only queue
 * here, so a slow downstream never holds up the shared timer.
 *
 * <p>It also counts the elements its node holds ({@link #hold}), from their arrival until downstream
 * accepted them, for {@link Node#idle()}.
 *
 * <p>A failure of an element's emission goes either to its outcome future (an emitter waits for it:
 * {@link FailureRoute#TO_OUTCOME}) or to {@link StreamEngines#report} ({@link FailureRoute#REPORTED}).
 *
 * <p>An element may be queued with the {@link Refs} it holds: it is emitted under them, and they
 * are released once downstream accepted it; an element dropped by {@link #stop()} keeps them.
 */
public final class Worker {
    /** Where the failure of an element's emission goes. */
    public enum FailureRoute {
        /** The outcome future fails with the original exception (someone waits for it). */
        TO_OUTCOME,
        /** {@link StreamEngines#report}; the outcome future, if any, completes normally. */
        REPORTED
    }

    private final Node<?> node;
    private final int capacity;
    private final HeldCount held = new HeldCount();
    /**
     * Guards the queues and the flags below. A lock rather than this object's monitor: the emitter
     * queues and the worker takes one element at a time, each under this lock, so it is contended per
     * element, and a contended monitor cost more than this lock does (side by side, a cluster
     * {@code buffer(4096)} pipeline ran 2.68-2.80 M elements/s with the monitor, 2.85-2.97 M with the lock).
     */
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Entry> queue = new ArrayDeque<>();
    /** Elements beyond the capacity, each with the future its emitter waits on for room. */
    private final ArrayDeque<Entry> overflow = new ArrayDeque<>();
    /** Whether {@link #emitQueued} is running or waiting for downstream. */
    private boolean running;
    private boolean stopped;

    /** An unbounded worker for {@code node}. */
    public Worker(Node<?> node) {
        this(node, Integer.MAX_VALUE);
    }

    /** A worker whose queue holds up to {@code capacity} elements (the one being emitted not counted). */
    public Worker(Node<?> node, int capacity) {
        this.node = node;
        this.capacity = capacity;
        node.countHeldBy(held);
    }

    /** The node took {@code n} elements that it will submit later (or {@link #drop}). */
    public void hold(int n) {
        held.add(n);
    }

    /** The node discarded {@code n} held elements (e.g. {@code latest} replaced one). */
    public void drop(int n) {
        held.remove(n);
    }

    /** Completes when the node holds nothing: what {@link Node#idle()} of the node returns. */
    public CompletableFuture<Void> idle() {
        return held.idle();
    }

    /**
     * Queues {@code x}, which carries {@code count} held elements, for emission; a failure is
     * reported.
     *
     * @return {@code null} when queued within the capacity, else a future completing when {@code x}
     *         has room in the queue (what the emitter of a full buffer waits for)
     */
    public CompletableFuture<Void> submit(Object x, int count) {
        return submit(x, count, null);
    }

    /** {@link #submit(Object, int)} of an element holding {@code refs} (may be {@code null}), handed over to this worker. */
    public CompletableFuture<Void> submit(Object x, int count, Refs refs) {
        return submit(x, count, null, FailureRoute.REPORTED, refs);
    }

    /**
     * Queues {@code x}, which carries {@code count} held elements; {@code outcome} (may be null)
     * completes once downstream has accepted {@code x}, and a failure goes where {@code failures}
     * says. The capacity applies as for {@link #submit(Object, int)}.
     */
    public CompletableFuture<Void> submit(Object x, int count, CompletableFuture<Void> outcome, FailureRoute failures) {
        return submit(x, count, outcome, failures, null);
    }

    /**
     * {@link #submit(Object, int, CompletableFuture, FailureRoute)} of an element holding {@code refs}
     * (may be {@code null}), handed over to this worker.
     */
    public CompletableFuture<Void> submit(Object x, int count, CompletableFuture<Void> outcome, FailureRoute failures, Refs refs) {
        Entry entry = new Entry(x, count, outcome, failures, refs);
        boolean start = false;
        boolean rejected;
        lock.lock();
        try {
            rejected = stopped;
            if (!rejected) {
                if (queue.size() < capacity) {
                    queue.add(entry);
                } else {
                    entry.room = new CompletableFuture<>();
                    overflow.add(entry);
                }
                start = !running;
                running = true;
            }
        } finally {
            lock.unlock();
        }
        if (rejected) {
            entry.room = new CompletableFuture<>();
            discard(List.of(entry));  // outside the lock: the futures' callbacks run here
        } else if (start) {
            WorkerThreads.execute(this::emitQueued);
        }
        return entry.room;
    }

    /** Drops what waits in the queue (its emitters fail) and counts the node as idle from now on. */
    public void stop() {
        List<Entry> dropped;
        lock.lock();
        try {
            stopped = true;
            dropped = new ArrayList<>(queue);
            dropped.addAll(overflow);
            queue.clear();
            overflow.clear();
        } finally {
            lock.unlock();
        }
        discard(dropped);
        held.close();
    }

    private void discard(List<Entry> dropped) {
        for (Entry entry : dropped) {
            IllegalStateException gone = new IllegalStateException(
                    node + " was destroyed before this element went downstream: build a new stream to emit into");
            if (entry.room != null) {
                entry.room.completeExceptionally(gone);
            }
            if (entry.outcome != null) {
                if (entry.failures == FailureRoute.TO_OUTCOME) {
                    entry.outcome.completeExceptionally(gone);
                } else {
                    entry.outcome.complete(null);
                }
            }
        }
    }

    /** Emits queued elements until the queue is empty or downstream answers with a pending future. */
    private void emitQueued() {
        while (true) {
            Entry next;
            Entry admitted;
            lock.lock();
            try {
                next = queue.poll();
                if (next == null) {
                    running = false;
                    return;
                }
                admitted = overflow.poll();
                if (admitted != null) {
                    queue.add(admitted);
                }
            } finally {
                lock.unlock();
            }
            if (admitted != null) {
                admitted.room.complete(null);
            }
            CompletableFuture<?> accepted;
            try {
                accepted = Refs.emitWith(node, next.x, next.refs);
            } catch (Throwable e) {
                finish(next, e);
                continue;
            }
            if (accepted != null && !accepted.isDone()) {
                accepted.whenComplete((ignored, error) -> {
                    finish(next, error);
                    WorkerThreads.resume(this::emitQueued);
                });
                return;
            }
            finish(next, accepted == null ? null : failureOf(accepted));
        }
    }

    private void finish(Entry entry, Throwable error) {
        Throwable cause = error == null ? null : Futures.unwrap(error);
        if (cause != null && (entry.outcome == null || entry.failures == FailureRoute.REPORTED)) {
            StreamEngines.report(node, cause);
        }
        if (entry.outcome != null) {
            if (cause != null && entry.failures == FailureRoute.TO_OUTCOME) {
                entry.outcome.completeExceptionally(cause);
            } else {
                entry.outcome.complete(null);
            }
        }
        // Before the count: whoever sees this node idle sees the element's input released.
        Refs.release(entry.refs);
        held.remove(entry.count);
    }

    /** The failure of a completed future, or {@code null} when it succeeded. */
    private static Throwable failureOf(CompletableFuture<?> done) {
        try {
            done.join();
            return null;
        } catch (CompletionException | CancellationException e) {
            return e;
        }
    }

    private static final class Entry {
        final Object x;
        final int count;
        final CompletableFuture<Void> outcome;
        final FailureRoute failures;
        final Refs refs;
        CompletableFuture<Void> room;

        Entry(Object x, int count, CompletableFuture<Void> outcome, FailureRoute failures, Refs refs) {
            this.x = x;
            this.count = count;
            this.outcome = outcome;
            this.failures = failures;
            this.refs = refs;
        }
    }
}
