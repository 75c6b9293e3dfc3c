package io.streamz.local.internal.ops;

import io.streamz.local.internal.core.Node;
import io.streamz.local.internal.core.Refs;
import io.streamz.local.internal.core.Worker;
import io.streamz.time.Scheduler;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * {@code partition(n, timeout)} and {@code partition(n, timeout, key)}: groups as {@link PartitionNode}
 * does, and also emits a group shorter than {@code n} when {@code timeout} has passed since its first
 * element arrived (streamz 0.6.4: the timer starts with a group's first element and is cancelled
 * when the group fills). Every group goes downstream on this node's worker, in the order the groups
 * were completed. The emitter of the element that fills a group waits until downstream has accepted
 * the group and gets its exceptions; exceptions of groups emitted on timeout go to the error handler.
 *
 * @param <T> element type
 */
final class PartitionTimeoutNode<T> extends Node<List<T>> {
    private final Duration timeout;
    private final PartitionGroups<T> groups;
    /** The timer of each group that is filling; a timer finding another one here is stale. */
    private final Map<Object, GroupTimer> timers = new HashMap<>();
    private final Worker worker = new Worker(this);

    /** @param key what groups elements, or {@code null} for one group */
    PartitionTimeoutNode(Node<T> upstream, int n, Duration timeout, Function<? super T, ?> key) {
        super(upstream.scheduler());
        this.timeout = timeout;
        this.groups = new PartitionGroups<>(n, key);
        upstream.connect(this);
    }

    @Override
    @SuppressWarnings("unchecked")
    public CompletableFuture<?> update(Object x, Node<?> from) {
        T element = (T) x;
        Object k = groups.keyOf(element);
        synchronized (this) {
            checkAlive();
            worker.hold(1);
            List<T> full = groups.add(k, element);
            if (full != null) {
                GroupTimer timer = timers.remove(k);
                if (timer != null) {
                    timer.task.cancel();
                }
                CompletableFuture<Void> accepted = new CompletableFuture<>();
                worker.submit(full, full.size(), accepted, Worker.FailureRoute.TO_OUTCOME, groups.takeRefs(k));
                return accepted;
            }
            if (groups.size(k) == 1) {
                GroupTimer timer = new GroupTimer(k);
                timer.task = scheduler().schedule(timeout, timer);
                timers.put(k, timer);
            }
            return null;
        }
    }

    /** Timer task: hands the timer's group to the worker unless the group filled meanwhile. */
    private synchronized void timedOut(GroupTimer timer) {
        if (timers.get(timer.key) != timer || isDestroyed()) {
            return;
        }
        timers.remove(timer.key);
        List<T> group = groups.take(timer.key);
        worker.submit(group, group.size(), groups.takeRefs(timer.key));
    }

    @Override
    protected synchronized void release() {
        timers.values().forEach(timer -> timer.task.cancel());
        timers.clear();
        groups.clear();
        worker.stop();
    }

    @Override
    protected String operatorName() {
        return "partition";
    }

    @Override
    protected String describeArgument() {
        return groups.n() + ", timeout=" + Intervals.seconds(timeout);
    }

    /** The timeout of the group of one key; the node's lock guards {@code task}. */
    private final class GroupTimer implements Runnable {
        final Object key;
        Scheduler.Task task;

        GroupTimer(Object key) {
            this.key = key;
        }

        @Override
        public void run() {
            timedOut(this);
        }
    }
}
