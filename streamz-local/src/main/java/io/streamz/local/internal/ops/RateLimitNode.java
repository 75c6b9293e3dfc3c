package io.streamz.local.internal.ops;

import io.streamz.local.internal.core.Node;
import io.streamz.local.internal.core.Refs;
import io.streamz.local.internal.core.Worker;
import io.streamz.time.Scheduler;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * {@code rate_limit(interval)}: no two elements go downstream closer together than {@code interval}.
 * An element goes at once when the previous one went at least {@code interval} ago, else it waits,
 * and so does its emitter: {@code emit} returns once downstream has accepted the element (streamz's
 * semantics), and a downstream exception reaches the emitter. Elements keep their arrival order;
 * the next one starts only after the previous one was accepted downstream, so a slow downstream
 * cannot squeeze two elements together. Downstream runs on this node's worker.
 *
 * <p>Not Guava's {@code RateLimiter}: it lets a burst through after an idle spell (stored permits),
 * which breaks "no two elements closer than the interval", and it reads the wall clock rather than
 * the stream's {@link Scheduler}, so virtual time could not drive it.
 */
final class RateLimitNode<T> extends Node<T> {
    private final long intervalNanos;
    private final Worker worker = new Worker(this);
    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    /** When the last element went downstream. */
    private long lastRelease;
    /** Whether an element is on its way downstream. */
    private boolean emitting;
    private Scheduler.Task timer;

    RateLimitNode(Node<T> upstream, Duration interval) {
        super(upstream.scheduler());
        this.intervalNanos = interval.toNanos();
        this.lastRelease = scheduler().nanoTime() - intervalNanos;
        upstream.connect(this);
    }

    @Override
    public CompletableFuture<?> update(Object x, Node<?> from) {
        Waiting element = new Waiting(x, Refs.retainCurrent());
        synchronized (this) {
            checkAlive();
            worker.hold(1);
            waiting.add(element);
            releaseNext();
        }
        return element.outcome;
    }

    /** Sends the next element to the worker if the interval has passed, else sets a timer for it. */
    private void releaseNext() {
        if (emitting || waiting.isEmpty() || isDestroyed()) {
            return;
        }
        long now = scheduler().nanoTime();
        long wait = lastRelease + intervalNanos - now;
        if (wait > 0) {
            if (timer == null) {
                timer = scheduler().schedule(Duration.ofNanos(wait), this::onTimer);
            }
            return;
        }
        Waiting next = waiting.poll();
        emitting = true;
        lastRelease = now;
        CompletableFuture<Void> accepted = new CompletableFuture<>();
        // The next element's turn is settled before the emitter hears of this one.
        accepted.whenComplete((ignored, error) -> {
            onAccepted();
            if (error == null) {
                next.outcome.complete(null);
            } else {
                next.outcome.completeExceptionally(error);
            }
        });
        worker.submit(next.x, 1, accepted, Worker.FailureRoute.TO_OUTCOME, next.refs);
    }

    private synchronized void onTimer() {
        timer = null;
        releaseNext();
    }

    private synchronized void onAccepted() {
        emitting = false;
        releaseNext();
    }

    @Override
    protected void release() {
        Waiting[] dropped;
        synchronized (this) {
            if (timer != null) {
                timer.cancel();
            }
            dropped = waiting.toArray(Waiting[]::new);
            waiting.clear();
        }
        for (Waiting element : dropped) {
            element.outcome.completeExceptionally(new IllegalStateException(
                    this + " was destroyed before this element went downstream: build a new stream to emit into"));
        }
        worker.stop();
    }

    @Override
    protected String operatorName() {
        return "rate_limit";
    }

    @Override
    protected String describeArgument() {
        return Intervals.seconds(Duration.ofNanos(intervalNanos));
    }

    private static final class Waiting {
        final Object x;
        /** Its input references, so that what follows the timer's turn holds them too. */
        final Refs refs;
        final CompletableFuture<Void> outcome = new CompletableFuture<>();

        Waiting(Object x, Refs refs) {
            this.x = x;
            this.refs = refs;
        }
    }
}
