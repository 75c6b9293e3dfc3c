package io.streamz.cluster.internal.driver;

import io.streamz.cluster.internal.job.TaskLimit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.ignite.IgniteClientDisconnectedException;
import org.apache.ignite.lang.IgniteFuture;

/**
 * One operation on the cluster (a task, a cache read or removal): retried while the topology changes,
 * completed on the driver's callback threads, never on Ignite's. Every operation of streamz is
 * idempotent, so a retry is harmless. It fails with a message naming the cluster once it has waited
 * the operation timeout while the cluster answered nothing (see {@link ClusterLiveness#givesUp}); an
 * operation that merely runs long on a cluster that answers (a slow user function) is waited for: the
 * task timeout bounds that, on the server (see {@link TaskTimeouts}).
 *
 * @param <R> result type
 */
final class ClusterCall<R> {
    private static final long POLL = TimeUnit.MILLISECONDS.toNanos(50);
    /** How long a retry waits for the topology to change (a stopping node to leave) at most. */
    private static final long MAX_WAIT = TimeUnit.SECONDS.toNanos(2);

    private final ClusterCalls calls;
    private final ClusterLiveness liveness;
    private final Executor sender;
    private final String what;
    private final Supplier<IgniteFuture<R>> attempt;
    /** The task timeout of a task, or {@code null} for another operation. */
    private final TaskLimit limit;
    private final CompletableFuture<R> result = new CompletableFuture<>();
    private final long started = System.nanoTime();
    private volatile ScheduledFuture<?> timer;
    private volatile Throwable lastTransient;
    private volatile IgniteFuture<R> running;

    private ClusterCall(ClusterCalls calls, Executor sender, String what, Supplier<IgniteFuture<R>> attempt, TaskLimit limit) {
        this.calls = calls;
        this.liveness = calls.liveness();
        this.sender = sender;
        this.what = what;
        this.attempt = attempt;
        this.limit = limit;
    }

    /**
     * Starts the operation.
     *
     * @param what what the operation is, for messages ("cluster map", "gather")
     */
    public static <R> CompletableFuture<R> start(ClusterCalls calls, String what, Supplier<IgniteFuture<R>> attempt) {
        return start(calls, calls.threads()::execute, what, attempt);
    }

    /**
     * Starts the operation, sending it (and its retries) from {@code sender}, which runs on the
     * callback threads: {@link Placement#sender} keeps the tasks for one server in the order sent.
     *
     * @param what what the operation is, for messages ("cluster map", "gather")
     */
    public static <R> CompletableFuture<R> start(ClusterCalls calls, Executor sender, String what, Supplier<IgniteFuture<R>> attempt) {
        return start(calls, sender, what, null, attempt);
    }

    /**
     * Starts a task whose job runs under {@code limit} (see {@link TaskTimeouts}): besides the rest, it
     * fails as soon as its server reports a function that ignored the interrupt, and the job, still
     * running, is cancelled. Its late answer is not waited for.
     *
     * @param what what the operation is, for messages ("cluster map", "gather")
     */
    public static <R> CompletableFuture<R> start(ClusterCalls calls, Executor sender, String what, TaskLimit limit,
                                                 Supplier<IgniteFuture<R>> attempt) {
        ClusterCall<R> call = new ClusterCall<>(calls, sender, what, attempt, limit);
        if (limit != null) {
            calls.timeouts().watch(limit, call::giveUp);
        }
        call.watch();
        call.run(0);
        return call.result;
    }

    /** Checks, ten times per operation timeout, that the cluster still answers while this runs. */
    private void watch() {
        timer = calls.threads().schedule(() -> calls.threads().execute(this::check), liveness.checkPeriodNanos());
    }

    private void check() {
        if (result.isDone()) {
            return;
        }
        if (liveness.isClosed()) {
            finish(null, liveness.closedError());
            return;
        }
        liveness.probeIfSilent();
        if (liveness.givesUp(System.nanoTime() - started)) {
            finish(null, liveness.unavailable(what, lastTransient));
        } else {
            watch();
        }
    }

    private void run(int retries) {
        if (result.isDone()) {
            return;
        }
        if (liveness.isClosed()) {
            calls.threads().execute(() -> finish(null, liveness.closedError()));
            return;
        }
        // On a callback thread: Ignite may block a while sending to a node that is gone, and neither
        // the emitter nor this operation's timeout should wait for that.
        try {
            sender.execute(() -> attempt(retries));
        } catch (RuntimeException | AssertionError e) {
            // Finding the sender looks the partition up: failing here must not leave the call unanswered.
            failed(e, retries);
        }
    }

    private void attempt(int retries) {
        if (result.isDone()) {
            return;
        }
        if (liveness.disconnected() || liveness.hasGivenUp()) {
            // Sending now would only try nodes that are gone: wait for the cluster to answer instead.
            failed(new IgniteClientDisconnectedException(null, "the cluster does not answer"), retries);
            return;
        }
        try {
            IgniteFuture<R> sent = attempt.get();
            running = sent;
            sent.listen(done -> calls.threads().execute(() -> completed(done, retries)));
        } catch (RuntimeException | AssertionError e) {
            // An error escaping here would end this call without an answer: its element would hang.
            failed(e, retries);
        }
    }

    private void completed(IgniteFuture<R> done, int retries) {
        R value;
        try {
            value = done.get();
        } catch (RuntimeException e) {
            failed(e, retries);
            return;
        }
        liveness.answered();
        finish(value, null);
    }

    private void failed(Throwable error, int retries) {
        if (liveness.isClosed()) {
            finish(null, liveness.closedError());
        } else if (Failures.isTransient(error)) {
            lastTransient = error;
            if (liveness.givesUp(System.nanoTime() - started)) {
                finish(null, liveness.unavailable(what, error));
            } else {
                retryOnNewTopology(liveness.topologyVersion(), System.nanoTime(), retries);
            }
        } else {
            finish(null, Failures.original(error));
        }
    }

    /**
     * Runs the operation again once the topology changed since {@code version} (a node that was
     * stopping has left, so the job goes to its successor, not to it again), or after a while.
     */
    private void retryOnNewTopology(long version, long since, int retries) {
        calls.threads().schedule(() -> calls.threads().execute(() -> {
            if (liveness.isClosed() || liveness.topologyVersion() != version || System.nanoTime() - since >= MAX_WAIT) {
                run(retries + 1);
            } else if (!result.isDone()) {
                retryOnNewTopology(version, since, retries);
            }
        }), POLL);
    }

    /** The task's function ignored the interrupt: fails now, and cancels the job so Ignite forgets it. */
    private void giveUp(Throwable error) {
        calls.threads().execute(() -> {
            finish(null, error);
            IgniteFuture<R> sent = running;
            if (sent != null) {
                try {
                    sent.cancel();
                } catch (RuntimeException disconnected) {
                    // The job's server is gone: so is the job.
                }
            }
        });
    }

    private void finish(R value, Throwable error) {
        ScheduledFuture<?> pending = timer;
        if (pending != null) {
            pending.cancel(false);
        }
        if (limit != null) {
            calls.timeouts().forget(limit);
            if (TaskEvents.watched() && !result.isDone()) {
                TaskEvents.finished(what, running, started, error != null);
            }
        }
        if (error == null) {
            result.complete(value);
        } else {
            result.completeExceptionally(error);
        }
    }
}
