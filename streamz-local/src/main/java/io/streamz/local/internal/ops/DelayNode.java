package io.streamz.local.internal.ops;

import io.streamz.local.internal.core.Node;
import io.streamz.local.internal.core.Refs;
import io.streamz.local.internal.core.Worker;
import io.streamz.time.Scheduler;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * {@code delay(interval)}: emits each element {@code interval} after it arrived, in arrival order,
 * on the scheduler's time. The emitter never waits (streamz's delay queue is unbounded); a slow
 * downstream makes due elements wait in order on this node's worker, none is lost. Downstream runs on
 * the worker; its exceptions go to the error handler.
 *
 * <p>Unlike streamz 0.6.4, whose loop lets an element arriving after a quiet spell through at once,
 * every element is delayed, as the API documents.
 */
final class DelayNode<T> extends Node<T> {
    private final Duration interval;
    private final Worker worker = new Worker(this);
    /** Elements not due yet, in arrival order, hence in order of due time. */
    private final ArrayDeque<Delayed> waiting = new ArrayDeque<>();
    private Scheduler.Task timer;

    DelayNode(Node<T> upstream, Duration interval) {
        super(upstream.scheduler());
        this.interval = interval;
        upstream.connect(this);
    }

    @Override
    public synchronized CompletableFuture<?> update(Object x, Node<?> from) {
        checkAlive();
        worker.hold(1);
        waiting.add(new Delayed(x, Refs.retainCurrent(), scheduler().nanoTime() + interval.toNanos()));
        if (timer == null) {
            timer = scheduler().schedule(interval, this::releaseDue);
        }
        return null;
    }

    /** Timer task: hands the due elements to the worker and waits for the next one. */
    private synchronized void releaseDue() {
        timer = null;
        if (isDestroyed()) {
            return;
        }
        long now = scheduler().nanoTime();
        while (!waiting.isEmpty() && waiting.peek().due - now <= 0) {
            Delayed due = waiting.poll();
            worker.submit(due.x, 1, due.refs);
        }
        if (!waiting.isEmpty()) {
            timer = scheduler().schedule(Duration.ofNanos(waiting.peek().due - now), this::releaseDue);
        }
    }

    @Override
    protected synchronized void release() {
        if (timer != null) {
            timer.cancel();
        }
        waiting.clear();
        worker.stop();
    }

    @Override
    protected String operatorName() {
        return "delay";
    }

    @Override
    protected String describeArgument() {
        return Intervals.seconds(interval);
    }

    private record Delayed(Object x, Refs refs, long due) {
    }
}
