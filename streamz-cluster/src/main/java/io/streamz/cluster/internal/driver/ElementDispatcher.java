package io.streamz.cluster.internal.driver;

import io.streamz.cluster.internal.job.ElementJob;
import io.streamz.cluster.internal.job.ElementOp;
import io.streamz.cluster.internal.job.JobResult;
import io.streamz.cluster.internal.job.ShippedOp;
import io.streamz.cluster.internal.job.TaskLimit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Sends the elements of an element-wise step (map, filter, starmap) to the cluster. An element waits
 * here until its input is complete, then for a task: with no task of this step in flight it leaves at
 * once, otherwise the waiting elements leave together (Nagle's rule) in tasks that {@link BatchPolicy}
 * sizes. A task holds elements whose inputs lie on one server and runs there; the tasks for one server
 * leave in the order of their elements (see {@link Placement#sender}). Results come back per element;
 * their order does not matter here, {@code gather} restores it. Each stored batch keeps the job that
 * produced it, so that a task finding one of its input batches lost (every server holding it
 * restarted) gets it recomputed and runs again (see {@link LostInputs}).
 */
public final class ElementDispatcher implements Dispatcher {

    private final StepTasks stepTasks;
    /** The cluster's liveness, checked per element: held here so the check reads no more than before. */
    private final ClusterLiveness liveness;
    private final Placement placement;
    private final ShippedOp<ElementOp> op;
    private final BatchPolicy policy = new BatchPolicy();
    private final ArrayDeque<Item> queue = new ArrayDeque<>();
    private final Runnable pump = this::pump;
    private final Object sendOrder = new Object();
    private int awaitingInput;
    private int tasks;
    private int elementsInFlight;
    /** The last pump stopped at the most tasks in flight: until one answers, a new element need not pump. */
    private boolean saturated;
    private final IdleSignal idle = new IdleSignal(this, this::busy);

    /** Made by {@link Dispatchers#element}: sends {@code op}'s tasks through {@code stepTasks}, where {@code placement} says. */
    ElementDispatcher(StepTasks stepTasks, ClusterLiveness liveness, Placement placement, ShippedOp<ElementOp> op) {
        this.stepTasks = stepTasks;
        this.liveness = liveness;
        this.placement = placement;
        this.op = op;
    }

    @Override
    public void submit(Object input, Handle output) {
        Item item = new Item(input, output);
        CompletableFuture<?> ready = Inputs.whenReady(input);
        if (ready == null) {
            accept(item);
            return;
        }
        synchronized (this) {
            awaitingInput++;
        }
        ready.whenComplete((ignored, error) -> {
            synchronized (this) {
                awaitingInput--;
            }
            accept(item);
        });
    }

    private void accept(Item item) {
        if (liveness.isClosed()) {
            TaskPlan.abandon(item, liveness.closedError());
        } else if (!TaskPlan.settleWithoutTask(item)) {
            boolean now;
            synchronized (this) {
                queue.add(item);
                now = tasks == 0 || !saturated && fullTaskWaits();
            }
            if (now) {
                Burst.runOrDefer(pump);
            }
            return;
        }
        idle.signalIfIdle();
    }

    private void pump() {
        while (true) {
            Runnable failed;
            // Held from taking a batch until its task is with the sender: pumps on several threads
            // would otherwise hand their tasks over in any order.
            synchronized (sendOrder) {
                List<Item> items;
                synchronized (this) {
                    int held = queue.size() + elementsInFlight;
                    int window = policy.window(held);
                    if (queue.isEmpty()) {
                        return;
                    }
                    if (tasks >= policy.maxTasks(window, placement.totalThreads())) {
                        saturated = true;
                        return;
                    }
                    if (tasks > 0 && !fullTaskWaits()) {
                        return;
                    }
                    items = takeBatch(policy.taskSize(window));
                    policy.sent(held);
                    tasks++;
                    elementsInFlight += items.size();
                }
                failed = send(items);
            }
            if (failed != null) {
                failed.run();
            }
        }
    }

    /**
     * Nagle's rule, under the lock: while a task is out, waiting elements leave only once they fill a
     * task (always so for slow functions: one per task), sized for the window the step holds lately
     * ({@link BatchPolicy#window}); else they wait for the tasks out to come back.
     */
    private boolean fullTaskWaits() {
        return queue.size() >= policy.taskSize(policy.window(queue.size() + elementsInFlight));
    }

    /** The first waiting element and, up to {@code limit}, others whose inputs lie on the same server. */
    private List<Item> takeBatch(int limit) {
        Item first = queue.poll();
        List<Item> items = new ArrayList<>(Math.min(limit, queue.size() + 1));
        items.add(first);
        int location = Inputs.location(first.input);
        UUID server = location < 0 ? null : placement.primary(location);
        // Those at the head that go along are taken as they come (usually all are); the rest of the
        // queue is searched only past one that does not.
        while (items.size() < limit && !queue.isEmpty() && sameServer(queue.peek(), location, server)) {
            items.add(queue.poll());
        }
        for (Iterator<Item> it = queue.iterator(); items.size() < limit && it.hasNext(); ) {
            Item next = it.next();
            if (sameServer(next, location, server)) {
                items.add(next);
                it.remove();
            }
        }
        return items;
    }

    /** Whether {@code item} may go in a task whose first input lies in {@code location} (on {@code server}), or is inline (-1). */
    private boolean sameServer(Item item, int location, UUID server) {
        int at = Inputs.location(item.input);
        return location < 0 ? at < 0 : at < 0 || at == location || server != null && server.equals(placement.primary(at));
    }

    /**
     * Hands the task of {@code items} to the sender of its server; returns what to do, outside the
     * lock, when its inputs cannot be encoded (the elements fail), else {@code null}.
     */
    private Runnable send(List<Item> items) {
        int partition = stepTasks.partitionOf(items.get(0).input);
        TaskResults out = stepTasks.results(partition);
        TaskPlan plan;
        try {
            plan = TaskPlan.of(items, !out.returnsValues());
        } catch (RuntimeException unmarshallable) {
            return () -> {
                items.forEach(item -> TaskPlan.abandon(item, unmarshallable));
                synchronized (this) {
                    tasks--;
                    elementsInFlight -= items.size();
                    saturated = false;
                }
                idle.signalIfIdle();
            };
        }
        TaskLimit limit = stepTasks.limit();
        ElementJob job = new ElementJob(op, plan.io(out, limit));
        if (out.key() != null) {
            out.recomputableBy(stepTasks.recipe(job, partition, limit, plan.lineage));
        }
        LostInputs.run(plan.lineage, () -> stepTasks.sendWhereInputsLie(partition, limit, job))
                .whenComplete((result, error) -> done(plan, out, result, error));
        return null;
    }

    private void done(TaskPlan plan, TaskResults out, JobResult result, Throwable error) {
        synchronized (this) {
            tasks--;
            elementsInFlight -= plan.size();
            saturated = false;
            if (result != null) {
                policy.record(plan.size(), result.nanos());
            }
        }
        stepTasks.finish(plan, out, result, error).whenComplete((ignored, e) -> {
            pump();
            idle.signalIfIdle();
        });
    }

    @Override
    public CompletableFuture<Void> idle() {
        return idle.await();
    }

    private boolean busy() {
        return awaitingInput > 0 || !queue.isEmpty() || tasks > 0;
    }

    @Override
    public void abandon(Throwable reason) {
        idle.abandon(this::drainQueue, reason);
    }

    /** Under the lock: empties the queue, returning what waited in it. */
    private List<Item> drainQueue() {
        List<Item> all = new ArrayList<>(queue);
        queue.clear();
        return all;
    }
}
