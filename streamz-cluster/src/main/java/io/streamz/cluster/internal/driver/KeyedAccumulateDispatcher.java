package io.streamz.cluster.internal.driver;

import io.streamz.cluster.ClusterStateLostException;
import io.streamz.cluster.config.DriverKeys;
import io.streamz.cluster.internal.driver.KeyLanes.Keyed;
import io.streamz.cluster.internal.driver.KeyLanes.Task;
import io.streamz.cluster.internal.job.AccumulateOp;
import io.streamz.cluster.internal.job.Caches;
import io.streamz.cluster.internal.job.JobInputs;
import io.streamz.cluster.internal.job.JobResult;
import io.streamz.cluster.internal.job.KeyJob;
import io.streamz.cluster.internal.job.KeyedAccumulateJob;
import io.streamz.cluster.internal.job.Outcomes;
import io.streamz.cluster.internal.job.ShippedOp;
import io.streamz.cluster.internal.job.StateLostException;
import io.streamz.cluster.internal.job.TaskLimit;
import io.streamz.function.FunctionEx;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Sends the elements of a cluster {@code accumulateByKey} in two stages. First their keys: elements
 * whose inputs are complete leave in emit order, up to {@link BatchPolicy#MAX_BATCH} in one
 * {@link KeyJob} where their inputs lie, one such task at a time; the keys come back serialized.
 * Then each element joins the lane of its key's partition (the key's hash of its serialized form) in
 * {@link KeyLanes}, which says which lanes' elements leave together in the next {@link KeyedAccumulateJob}
 * (a lane has one out at a time; a task takes lanes of one server, as many elements as
 * {@link ServerSlots} gives: a server's share split over its threads or CPUs, the fewer) and runs on
 * that server. So one key's elements are applied in emit order,
 * while different partitions run at once on all servers. Each element gets its lane's next sequence
 * number, which the job checks against its key's state so that a re-run never applies it twice. An
 * element whose input failed or was filtered out is not applied, nor one whose key function failed. The job also
 * gets, per element, whether a task with an element of its key has answered (so its state was
 * written): a key whose state is missing after that lost it with every server that held it, and its
 * elements fail with {@link ClusterStateLostException} naming the step and the key, this and every
 * later one. Only that key fails: the other keys' states are right, and a key first seen after the
 * loss (or whose elements never reached the cluster) starts from the start value, as it would have
 * anyway; no count is ever continued silently from a reset state. {@link #submit}
 * must be called in emit order (the step node synchronizes it). The states, one entry per key (see
 * {@link DriverKeys#perKey}), go as {@link StateHome} says.
 */
public final class KeyedAccumulateDispatcher implements StatefulDispatcher {

    private final StepTasks tasks;
    private final ClusterLiveness liveness;
    private final ShippedOp<FunctionEx<Object, Object>> key;
    private final ShippedOp<AccumulateOp> op;
    private final StateHome home;
    /** Elements waiting for their key, in emit order. */
    private final EmitOrderLine line;
    /** Elements keyed, waiting in their partition's lane or out in a task; guarded by this. */
    private final KeyLanes lanes;
    private boolean keying;
    private final IdleSignal idle = new IdleSignal(this, this::busy);

    /**
     * Made by {@link Dispatchers#keyedAccumulate}: sends the tasks of {@code key} and {@code op} through
     * {@code tasks}, the elements keyed waiting in {@code lanes}, to the states in {@code home}.
     */
    KeyedAccumulateDispatcher(StepTasks tasks, ClusterLiveness liveness, StateHome home, KeyLanes lanes,
                              ShippedOp<FunctionEx<Object, Object>> key, ShippedOp<AccumulateOp> op) {
        this.tasks = tasks;
        this.liveness = liveness;
        this.key = key;
        this.op = op;
        this.lanes = lanes;
        this.line = new EmitOrderLine(liveness, this, this::pumpKeys);
        this.home = home;
    }

    @Override
    public synchronized void keepUnder(String name) {
        lanes.numberAfter(home.name(name, busy() || !lanes.isEmpty()).firstSeqBefore());
    }

    @Override
    public void submit(Object input, Handle output) {
        line.submit(input, output);
    }

    // ---------------------------------------------------------------- stage 1: keys

    private void pumpKeys() {
        List<Item> settled = new ArrayList<>();
        List<Item> batch;
        synchronized (this) {
            if (keying) {
                return;
            }
            batch = line.takeReady(settled);
            keying = !batch.isEmpty();
        }
        line.settle(settled);
        if (!batch.isEmpty()) {
            sendKeys(batch);
        }
        idle.signalIfIdle();
    }

    private void sendKeys(List<Item> items) {
        JobInputs inputs;
        try {
            // Reads without claiming: the inputs stay for the accumulate's task, which consumes them.
            JobInputs.Builder builder = JobInputs.builder(items.size());
            Map<TaskResults, Integer> unclaimed = new IdentityHashMap<>();
            items.forEach(item -> Inputs.describe(item.input, builder, unclaimed));
            inputs = builder.build();
        } catch (RuntimeException unmarshallable) {
            keyed(items, null, unmarshallable);
            return;
        }
        int partition = tasks.partitionOf(items.get(0).input);
        TaskLimit limit = tasks.limit();
        KeyJob job = new KeyJob(key, inputs, limit);
        tasks.sendWhereInputsLie(partition, limit, job)
                .whenComplete((result, error) -> keyed(items, result, error));
    }

    /** The keys came back ({@code result}) or not ({@code error}): elements join their lines or fail. */
    private void keyed(List<Item> items, JobResult result, Throwable error) {
        Throwable[] errors = result == null ? null : result.errors(tasks.codec());
        Object[] keys = result == null ? null : result.values(tasks.codec());
        List<Runnable> failed = new ArrayList<>();
        synchronized (this) {
            for (int i = 0; i < items.size(); i++) {
                Item item = items.get(i);
                if (error != null || result.status(i) != Outcomes.PRESENT) {
                    Throwable reason = error != null ? error : errors[i];
                    failed.add(() -> TaskPlan.abandon(item, reason));
                    continue;
                }
                byte[] serialized = (byte[]) keys[i];
                int partition = Math.floorMod(Arrays.hashCode(serialized), Caches.PARTITIONS);
                Object stateKey = DriverKeys.perKey(home.place().key(), serialized, partition);
                home.track(stateKey);
                lanes.add(partition, new Keyed(item, stateKey, serialized));
            }
            keying = false;
        }
        Burst.run(() -> failed.forEach(Runnable::run));
        pumpLanes();
        pumpKeys();
    }

    // ---------------------------------------------------------------- stage 2: per-partition lines

    /** Sends every task that can go: the waiting elements of each lane without a task out. */
    private void pumpLanes() {
        while (true) {
            Task task;
            synchronized (this) {
                task = lanes.next();
            }
            if (task == null) {
                return;
            }
            if (liveness.isClosed()) {
                finish(task, null, () -> task.items().forEach(item -> TaskPlan.abandon(item, liveness.closedError())));
            } else {
                send(task);
            }
        }
    }

    private void send(Task task) {
        List<Item> items = task.items();
        int partition = task.partition();
        TaskResults out = tasks.results(partition);
        TaskPlan plan;
        try {
            // The job may always remove its inputs: a re-run answers from the state entries.
            plan = TaskPlan.of(items, true);
        } catch (RuntimeException unmarshallable) {
            finish(task, null, () -> items.forEach(item -> TaskPlan.abandon(item, unmarshallable)));
            return;
        }
        TaskLimit limit = tasks.limit();
        StatePlace at = home.place();
        KeyedAccumulateJob job = new KeyedAccumulateJob(op, task.stateKeys(), task.seqs(), task.confirmed(), plan.io(out, limit),
                at.cache());
        // A retry goes to the first partition's new node; the others' states are reached from there.
        tasks.sendToState(at, task.server(), partition, limit, job)
                .whenComplete((result, error) -> {
                    if (result != null) {
                        confirmed(task);
                    }
                    tasks.finish(plan, out, result, error, (i, failure) -> lost(task.elements().get(i), failure))
                            .whenComplete((ignored, e) -> finish(task, result, () -> { }));
                });
    }

    /** The job answered: it wrote (or found) the state of every key of the task. */
    private synchronized void confirmed(Task task) {
        lanes.confirmed(task);
    }

    /** The job's {@link StateLostException} as the user sees it, naming the step and the key; other errors as they are. */
    private Throwable lost(Keyed element, Throwable error) {
        return StateLoss.named(error, home.step() + " lost the state of key " + keyName(element.key()) + " on " + tasks.clusterName(),
                "this key fails this and every later element of it rather than count on from the start value "
                        + "(the other keys go on)");
    }

    /** The user's key, read back from its serialized form; only its size when it cannot be read here. */
    private String keyName(byte[] serialized) {
        try {
            return String.valueOf((Object) tasks.codec().decode(serialized));
        } catch (RuntimeException unreadable) {
            return "of " + serialized.length + " bytes";
        }
    }

    @Override
    public void describedBy(Object step) {
        home.describedBy(step);
    }

    /** The task is over: settles what {@code settle} does, then sends its lanes' next elements. */
    private void finish(Task task, JobResult result, Runnable settle) {
        Burst.run(settle);
        synchronized (this) {
            lanes.finished(task, result);
        }
        pumpLanes();
        idle.signalIfIdle();
    }

    // ---------------------------------------------------------------- idle, release, abandon

    @Override
    public CompletableFuture<Void> idle() {
        return idle.await();
    }

    private boolean busy() {
        return !line.isEmpty() || keying || lanes.held() > 0;
    }

    /** Removes the states once the elements sent are applied: a job still running would write them again. */
    @Override
    public void release() {
        home.release(idle());
    }

    @Override
    public void abandon(Throwable reason) {
        idle.abandon(this::drainWaiting, reason);
    }

    /** Under the lock: empties the line and the lanes, returning what waited in them. */
    private List<Item> drainWaiting() {
        List<Item> dropped = line.drain();
        dropped.addAll(lanes.drain());
        return dropped;
    }
}
