package io.streamz.cluster.internal.stream;

import io.streamz.local.internal.core.Futures;
import io.streamz.local.internal.core.IdleFuture;
import io.streamz.local.internal.core.InOrderLine;
import io.streamz.local.internal.core.Node;
import io.streamz.local.internal.core.Refs;
import java.util.concurrent.CompletableFuture;

/**
 * A node that emits, in input order, what {@link #resolve} makes of each element once it is known
 * (or nothing for {@link #SKIP}). The emitter waits until its element went downstream, or gets its
 * failure. When the element is known at once and nothing waits before it, it goes downstream on the
 * emitting thread; otherwise on the thread that completed it or accepted the one before, under
 * the element's {@link Refs}, so that a holding node downstream keeps its input from being done.
 */
abstract class OrderedNode<T> extends Node<T> {
    /** What {@link #resolve} gives for an element that leaves nothing downstream. */
    static final Object SKIP = new Object();

    private final InOrderLine<Pending> pending = new InOrderLine<>(element -> element.value.isDone());
    /** The size of {@link #pending}: written under the lock, read by {@link #held()} without it. */
    private volatile int waiting;
    /** An element is going downstream, or downstream has not accepted it yet. */
    private boolean emitting;
    private final IdleFuture idle = new IdleFuture();

    OrderedNode(Node<?> upstream) {
        super(upstream.scheduler());
    }

    /** What {@link #resolveNow} gives when it cannot tell at once: {@link #resolve} will. */
    static final Object LATER = new Object();

    /** What to emit for {@code x}, or {@link #SKIP}; may complete later or fail. */
    protected abstract CompletableFuture<?> resolve(Object x);

    /**
     * What to emit for {@code x} (or {@link #SKIP}) when it is known at once without side effects,
     * else {@link #LATER}; then {@link #resolve} is called instead. Spares most elements the futures.
     */
    protected Object resolveNow(Object x) {
        return LATER;
    }

    @Override
    public final CompletableFuture<?> update(Object x, Node<?> from) {
        Object known = resolveNow(x);
        CompletableFuture<?> value;
        if (known != LATER) {
            synchronized (this) {
                if (pending.isEmpty() && !emitting) {
                    return emitNow(known);
                }
            }
            value = CompletableFuture.completedFuture(known);
        } else {
            value = resolve(x);
        }
        Pending element;
        synchronized (this) {
            if (pending.isEmpty() && !emitting && value.isDone()) {
                if (value.isCompletedExceptionally()) {
                    return value;
                }
                return emitNow(value.join());
            }
            element = new Pending(value, Refs.retainCurrent());
            pending.add(element);
            waiting = pending.size();
        }
        value.whenComplete((ignored, error) -> emitKnown());
        return element.outcome;
    }

    /** The fast path, under the lock: nothing waits before this element and its value {@code v} is known. */
    private CompletableFuture<?> emitNow(Object v) {
        if (v == SKIP) {
            return null;
        }
        CompletableFuture<?> accepted = emitDownstream(v);
        if (accepted != null && !accepted.isDone()) {
            emitting = true;
            accepted.whenComplete((ignored, error) -> {
                synchronized (this) {
                    emitting = false;
                }
                emitKnown();
            });
        }
        return accepted;
    }

    /** Emits the known elements at the head of the line, one at a time, in order. */
    private void emitKnown() {
        while (true) {
            Pending next;
            CompletableFuture<Void> nowIdle = null;
            synchronized (this) {
                next = emitting ? null : pending.pollReady();
                if (next != null) {
                    waiting = pending.size();
                    emitting = true;
                } else if (pending.isEmpty() && !emitting) {
                    nowIdle = idle.take();
                }
            }
            Pending head = next;
            if (head == null) {
                if (nowIdle != null) {
                    nowIdle.complete(null);
                }
                return;
            }
            CompletableFuture<?> accepted;
            try {
                Object v = head.value.join();
                accepted = v == SKIP ? null : Refs.emitAndRelease(this, v, head.takeRefs());
            } catch (Throwable e) {
                finish(head, e);
                continue;
            }
            if (accepted != null && !accepted.isDone()) {
                accepted.whenComplete((ignored, error) -> {
                    finish(head, error);
                    emitKnown();
                });
                return;
            }
            finish(head, accepted == null ? null : accepted.handle((ignored, error) -> error).join());
        }
    }

    private void finish(Pending element, Throwable error) {
        synchronized (this) {
            emitting = false;
        }
        Refs.release(element.takeRefs()); // skipped or failed: done
        if (error == null) {
            element.outcome.complete(null);
        } else {
            element.outcome.completeExceptionally(Futures.unwrap(error));
        }
    }

    /** The elements waiting for their value (a result from the cluster) or for those before them. */
    @Override
    public int held() {
        return waiting;
    }

    @Override
    protected synchronized CompletableFuture<Void> idle() {
        return idle.whenIdle(!pending.isEmpty() || emitting);
    }

    private static final class Pending {
        final CompletableFuture<?> value;
        final CompletableFuture<Void> outcome = new CompletableFuture<>();
        private Refs refs;

        Pending(CompletableFuture<?> value, Refs refs) {
            this.value = value;
            this.refs = refs;
        }

        /** The element's references, now the caller's; {@code null} once taken. */
        Refs takeRefs() {
            Refs taken = refs;
            refs = null;
            return taken;
        }
    }
}
