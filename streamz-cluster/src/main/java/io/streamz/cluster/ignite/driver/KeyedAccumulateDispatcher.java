package io.streamz.cluster.ignite.driver;

import io.streamz.cluster.ClusterStateLostException;
import io.streamz.cluster.config.DriverKeys;
import io.streamz.cluster.ignite.job.AccumulateOp;
import io.streamz.cluster.ignite.job.Caches;
import io.streamz.cluster.ignite.job.JobInputs;
import io.streamz.cluster.ignite.job.JobResult;
import io.streamz.cluster.ignite.job.KeyJob;
import io.streamz.cluster.ignite.job.KeyedAccumulateJob;
import io.streamz.cluster.ignite.job.Outcomes;
import io.streamz.cluster.ignite.job.ShippedOp;
import io.streamz.cluster.ignite.job.StateLostException;
import io.streamz.cluster.ignite.job.TaskLimit;
import io.streamz.function.FunctionEx;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Sends the elements of a cluster {@code accumulateByKey} in two stages. First their keys: elements
 * whose inputs are complete leave in emit order, up to {@link BatchPolicy#MAX_BATCH} in one
 * {@link KeyJob} where their inputs lie, one such task at a time; the keys come back serialized.
 * Then each element joins the line of its key's partition (the key's hash of its serialized form),
 * where it waits while a task has elements of that line out: a line has one {@link KeyedAccumulateJob}
 * out at a time. A task takes the waiting elements of lines without a task out whose partitions lie
 * on one server, whatever their keys, as many as {@link ServerSlots} gives: a server's share of the
 * elements held for it split over its threads or CPUs (the fewer), at least what {@link BatchPolicy} gives
 * for the measured time per element; so a slow function's elements go one per task while there are fewer
 * than those, and beyond that share the task's messages and each key's state read and write (with its backup).
 * It runs on that server. So one key's elements are applied in emit order, while different
 * partitions run at once on all servers. Each element gets its line's next sequence number, which
 * the job checks against its key's state so that a re-run never applies it twice. An element whose
 * input failed or was filtered out is not applied, nor one whose key function failed. The job also
 * gets, per element, whether a task with an element of its key has answered (so its state was
 * written): a key whose state is missing after that lost it with every server that held it, and its
 * elements fail with {@link ClusterStateLostException} naming the step and the key, this and every
 * later one. Only that key fails: the other keys' states are right, and a key first seen after the
 * loss (or whose elements never reached the cluster) starts from the start value, as it would have
 * anyway; no count is ever continued silently from a reset state. {@link #submit}
 * must be called in emit order (the step node synchronizes it). The states, one entry per key (see
 * {@link DriverKeys#perKey}), are removed when the step is destroyed, when this dispatcher is
 * garbage, or when the driver leaves; named states ({@link #keepUnder}) only when the step is destroyed,
 * every key's, whichever driver wrote it.
 */
public final class KeyedAccumulateDispatcher implements StatefulDispatcher {

    private final ClusterContext cluster;
    private final ShippedOp<FunctionEx<Object, Object>> key;
    private final ShippedOp<AccumulateOp> op;
    private final Uses uses;
    private final String what;
    /** Where the states lie; fixed before the first element (see {@link #keepUnder}). */
    private volatile StatePlace place;
    private NamedState named;
    /** The lanes' sequence number before their first element: a named state's run. */
    private long firstSeqBefore;
    /** Elements waiting for their key, in emit order. */
    private final EmitOrderLine line;
    private final Map<Integer, Lane> lanes = new HashMap<>();
    private final Set<Object> stateKeys = new HashSet<>();
    /** The state keys a task answered for, so the cluster holds their states. */
    private final Set<Object> confirmedKeys = new HashSet<>();
    private volatile Object step = "cluster accumulateByKey";
    private final BatchPolicy policy = new BatchPolicy();
    private final ServerSlots slots;
    private boolean keying;
    /** Elements keyed and not yet answered. */
    private int inLanes;
    private final IdleSignal idle = new IdleSignal(this, this::busy);

    public KeyedAccumulateDispatcher(ClusterContext cluster, ShippedOp<FunctionEx<Object, Object>> key,
                                     ShippedOp<AccumulateOp> op, Uses uses, String what) {
        this.cluster = cluster;
        this.key = key;
        this.op = op;
        this.uses = uses;
        this.what = what;
        this.slots = new ServerSlots(cluster.options().threads(), new ServerCpus(cluster.ignite())::of);
        this.line = new EmitOrderLine(cluster, this, this::pumpKeys);
        this.place = StatePlace.unnamed(cluster, 0);
        cluster.lifetimes().register(this);
    }

    @Override
    public synchronized void keepUnder(String name) {
        if (named != null) {
            throw new IllegalStateException(step + " keeps its states under \"" + named + "\" already");
        }
        if (busy() || !lanes.isEmpty()) {
            throw new IllegalStateException(step + " has taken elements already: name its state with durable(...) "
                    + "while building the stream, before the first emit");
        }
        named = NamedState.claim(cluster, name);
        place = StatePlace.named(named);
        firstSeqBefore = named.firstSeqBefore();
        cluster.lifetimes().whenUnreachable(this, named::release);
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
            JobInputs.Builder builder = JobInputs.builder();
            Map<TaskResults, Integer> unclaimed = new IdentityHashMap<>();
            items.forEach(item -> Inputs.describe(item.input, builder, unclaimed));
            inputs = builder.build();
        } catch (RuntimeException unmarshallable) {
            keyed(items, null, unmarshallable);
            return;
        }
        int location = Inputs.location(items.get(0).input);
        int partition = location >= 0 ? location : cluster.placement().partitionOnLeastLoadedServer();
        TaskLimit limit = cluster.timeouts().limit(what);
        KeyJob job = new KeyJob(key, inputs, limit);
        StepTask.send(cluster, cluster.placement().sender(partition), what, limit, Caches.DATA_ONLY, partition, job)
                .whenComplete((result, error) -> keyed(items, result, error));
    }

    /** The keys came back ({@code result}) or not ({@code error}): elements join their lines or fail. */
    private void keyed(List<Item> items, JobResult result, Throwable error) {
        Throwable[] errors = result == null ? null : result.errors(cluster.codec());
        Object[] keys = result == null ? null : result.values(cluster.codec());
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
                Object stateKey = DriverKeys.perKey(place.key(), serialized, partition);
                // A named state outlives the step: nothing but destroy() removes it.
                if (stateKeys.add(stateKey) && named == null) {
                    cluster.lifetimes().registerState(this, stateKey);
                }
                Lane lane = lanes.computeIfAbsent(partition, p -> new Lane(p, firstSeqBefore + 1));
                lane.waiting.add(new Keyed(item, stateKey, serialized));
                inLanes++;
            }
            keying = false;
        }
        Burst.run(() -> failed.forEach(Runnable::run));
        pumpLanes();
        pumpKeys();
    }

    // ---------------------------------------------------------------- stage 2: per-partition lines

    /** The elements of the keys of one partition, waiting in emit order, and whether a task has some out. */
    private static final class Lane {
        final int partition;
        final ArrayDeque<Keyed> waiting = new ArrayDeque<>();
        boolean inFlight;
        long nextSeq;

        Lane(int partition, long firstSeq) {
            this.partition = partition;
            this.nextSeq = firstSeq;
        }
    }

    /** An element with its key's state key and the key in serialized form (to name it on failure). */
    private record Keyed(Item item, Object stateKey, byte[] key) {
    }

    /**
     * Elements of the lanes of one server, each with its lane's sequence number and whether its key's
     * state was confirmed written when the task left.
     */
    private record Task(UUID server, List<Lane> lanes, List<Keyed> elements, long[] seqs, boolean[] confirmed) {
    }

    /** Sends every task that can go: the waiting elements of each lane without a task out. */
    private void pumpLanes() {
        while (true) {
            Task task;
            synchronized (this) {
                task = nextTask();
            }
            if (task == null) {
                return;
            }
            if (cluster.isClosed()) {
                finish(task, null, () -> task.elements.forEach(k -> TaskPlan.abandon(k.item, cluster.closedError())));
            } else {
                send(task);
            }
        }
    }

    /** The lanes of one server with elements waiting: those without a task out, and how many elements wait in all. */
    private static final class ServerLanes {
        final List<Lane> ready = new ArrayList<>();
        int readyElements;
        int waiting;
    }

    /**
     * The next task as {@link ServerSlots} sizes it, for the server with a free slot and the fewest tasks
     * out whose ready lanes fill it: the waiting elements of lanes without a task out whose partitions lie on
     * that server, the lanes taken marked as having a task out; {@code null} when none should leave now.
     */
    private Task nextTask() {
        Map<UUID, ServerLanes> byServer = new HashMap<>();
        for (Lane lane : lanes.values()) {
            if (!lane.waiting.isEmpty()) {
                ServerLanes server = byServer.computeIfAbsent(cluster.placement().primary(lane.partition), s -> new ServerLanes());
                server.waiting += lane.waiting.size();
                if (!lane.inFlight) {
                    server.ready.add(lane);
                    server.readyElements += lane.waiting.size();
                }
            }
        }
        int batchLimit = policy.batchLimit();
        UUID chosen = null;
        int size = 0;
        for (Map.Entry<UUID, ServerLanes> server : byServer.entrySet()) {
            int wanted = slots.taskSize(server.getKey(), server.getValue().waiting, batchLimit);
            if (!server.getValue().ready.isEmpty() && slots.sendNow(server.getKey(), server.getValue().readyElements, wanted)
                    && (size == 0 || slots.tasks(server.getKey()) < slots.tasks(chosen))) {
                chosen = server.getKey();
                size = wanted;
            }
        }
        if (size == 0) {
            return null;
        }
        List<Lane> taken = new ArrayList<>();
        List<Keyed> elements = new ArrayList<>();
        List<Long> seqs = new ArrayList<>();
        for (Lane lane : byServer.get(chosen).ready) {
            taken.add(lane);
            lane.inFlight = true;
            while (!lane.waiting.isEmpty() && elements.size() < size) {
                elements.add(lane.waiting.poll());
                seqs.add(lane.nextSeq++);
            }
            if (elements.size() >= size) {
                break;
            }
        }
        slots.sent(chosen, elements.size());
        boolean[] confirmed = new boolean[elements.size()];
        for (int i = 0; i < confirmed.length; i++) {
            confirmed[i] = confirmedKeys.contains(elements.get(i).stateKey);
        }
        return new Task(chosen, taken, elements, seqs.stream().mapToLong(Long::longValue).toArray(), confirmed);
    }

    private void send(Task task) {
        List<Item> items = new ArrayList<>(task.elements.size());
        Object[] stateKeysOfTask = new Object[task.elements.size()];
        for (int i = 0; i < task.elements.size(); i++) {
            items.add(task.elements.get(i).item);
            stateKeysOfTask[i] = task.elements.get(i).stateKey;
        }
        int partition = task.lanes.get(0).partition;
        TaskResults out = new TaskResults(cluster, partition, uses);
        TaskPlan plan;
        try {
            // The job may always remove its inputs: a re-run answers from the state entries.
            plan = TaskPlan.of(items, true);
        } catch (RuntimeException unmarshallable) {
            finish(task, null, () -> items.forEach(item -> TaskPlan.abandon(item, unmarshallable)));
            return;
        }
        TaskLimit limit = cluster.timeouts().limit(what);
        StatePlace at = place;
        KeyedAccumulateJob job = new KeyedAccumulateJob(op, stateKeysOfTask, task.seqs, task.confirmed, plan.inputs, out.key(),
                out.returnsValues(), plan.consumed, limit, at.cache());
        List<String> reserved = at.reservedOn(cluster);
        // A retry goes to the first partition's new node; the others' states are reached from there.
        StepTask.send(cluster, cluster::execute, task.server, what, limit, reserved, partition, job)
                .whenComplete((result, error) -> {
                    if (result != null) {
                        confirmed(task);
                    }
                    plan.finish(cluster, out, result, error, (i, failure) -> lost(task.elements.get(i), failure))
                            .whenComplete((ignored, e) -> finish(task, result, () -> { }));
                });
    }

    /** The job answered: it wrote (or found) the state of every key of the task. */
    private synchronized void confirmed(Task task) {
        task.elements.forEach(k -> confirmedKeys.add(k.stateKey));
    }

    /** The job's {@link StateLostException} as the user sees it, naming the step and the key; other errors as they are. */
    private Throwable lost(Keyed element, Throwable error) {
        return StateLoss.named(error, step + " lost the state of key " + keyName(element.key) + " on " + cluster.name(),
                "this key fails this and every later element of it rather than count on from the start value "
                        + "(the other keys go on)");
    }

    /** The user's key, read back from its serialized form; only its size when it cannot be read here. */
    private String keyName(byte[] serialized) {
        try {
            return String.valueOf((Object) cluster.codec().decode(serialized));
        } catch (RuntimeException unreadable) {
            return "of " + serialized.length + " bytes";
        }
    }

    @Override
    public void describedBy(Object step) {
        this.step = step;
    }

    /** The task is over: settles what {@code settle} does, then sends its lanes' next elements. */
    private void finish(Task task, JobResult result, Runnable settle) {
        Burst.run(settle);
        synchronized (this) {
            task.lanes.forEach(lane -> lane.inFlight = false);
            slots.answered(task.server, task.elements.size());
            inLanes -= task.elements.size();
            if (result != null) {
                policy.record(task.elements.size(), result.nanos());
            }
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
        return !line.isEmpty() || keying || inLanes > 0;
    }

    /** Removes the states once the elements sent are applied: a job still running would write them again. */
    @Override
    public void release() {
        NamedState name;
        synchronized (this) {
            name = named;
        }
        if (name != null) {
            name.destroy(idle());
            return;
        }
        idle().whenComplete((ignored, error) -> {
            List<Object> keys;
            synchronized (this) {
                keys = new ArrayList<>(stateKeys);
            }
            keys.forEach(cluster.lifetimes()::forgetState);
        });
    }

    @Override
    public void abandon(Throwable reason) {
        List<Item> dropped;
        synchronized (this) {
            dropped = line.drain();
            for (Lane lane : lanes.values()) {
                lane.waiting.forEach(k -> dropped.add(k.item));
                inLanes -= lane.waiting.size();
                lane.waiting.clear();
            }
        }
        dropped.forEach(item -> TaskPlan.abandon(item, reason));
        idle.signalIfIdle();
    }
}
