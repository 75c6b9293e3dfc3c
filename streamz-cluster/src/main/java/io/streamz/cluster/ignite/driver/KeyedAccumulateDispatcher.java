package io.streamz.cluster.ignite.driver;

import io.streamz.cluster.config.DriverKeys;
import io.streamz.cluster.ignite.job.AccumulateOp;
import io.streamz.cluster.ignite.job.Caches;
import io.streamz.cluster.ignite.job.JobInputs;
import io.streamz.cluster.ignite.job.JobResult;
import io.streamz.cluster.ignite.job.KeyJob;
import io.streamz.cluster.ignite.job.KeyedAccumulateJob;
import io.streamz.cluster.ignite.job.Outcomes;
import io.streamz.cluster.ignite.job.ShippedOp;
import io.streamz.cluster.ignite.job.TaskLimit;
import io.streamz.function.FunctionEx;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.ignite.cache.affinity.AffinityKey;
import org.apache.ignite.lang.IgniteUuid;

/**
 * Sends the elements of a cluster {@code accumulateByKey} in two stages. First their keys: elements
 * whose inputs are complete leave in emit order, up to {@link BatchPolicy#MAX_BATCH} in one
 * {@link KeyJob} where their inputs lie, one such task at a time; the keys come back serialized.
 * Then each element joins the line of its key's partition (the key's hash of its serialized form),
 * where it waits for that line's task in flight: each line sends one {@link KeyedAccumulateJob} at a
 * time, of all its waiting elements up to {@code MAX_BATCH}, whatever their keys, to the node holding
 * the partition. So one key's elements are applied in emit order, while the lines of different
 * partitions run at once on all servers. Each element gets its line's next sequence number, which
 * the job checks against its key's state so that a re-run never applies it twice. An element whose
 * input failed or was filtered out is not applied, nor one whose key function failed. {@link #submit}
 * must be called in emit order (the step node synchronizes it). The states, one entry per key (see
 * {@link DriverKeys#perKey}), are removed when the step is destroyed, when this dispatcher is
 * garbage, or when the driver leaves.
 */
public final class KeyedAccumulateDispatcher implements Dispatcher {

    private final ClusterContext cluster;
    private final ShippedOp<FunctionEx<Object, Object>> key;
    private final ShippedOp<AccumulateOp> op;
    private final Uses uses;
    private final String what;
    private final AffinityKey<IgniteUuid> stepKey;
    /** Elements waiting for their key, in emit order. */
    private final ArrayDeque<Item> line = new ArrayDeque<>();
    private final Map<Integer, Lane> lanes = new HashMap<>();
    private final Set<Object> stateKeys = new HashSet<>();
    private final Runnable pump = this::pumpKeys;
    private boolean keying;
    /** Elements keyed and not yet answered. */
    private int inLanes;
    private final IdleSignal idle = new IdleSignal();

    @SuppressWarnings("unchecked")
    public KeyedAccumulateDispatcher(ClusterContext cluster, ShippedOp<FunctionEx<Object, Object>> key,
                                     ShippedOp<AccumulateOp> op, Uses uses, String what) {
        this.cluster = cluster;
        this.key = key;
        this.op = op;
        this.uses = uses;
        this.what = what;
        this.stepKey = (AffinityKey<IgniteUuid>) cluster.newKey(0);
        cluster.register(this);
    }

    @Override
    public void submit(Object input, Handle output) {
        Item item = new Item(input, output);
        synchronized (this) {
            line.add(item);
        }
        CompletableFuture<?> ready = Inputs.whenReady(input);
        if (ready == null) {
            markReady(item);
        } else {
            ready.whenComplete((ignored, error) -> markReady(item));
        }
    }

    private void markReady(Item item) {
        synchronized (this) {
            item.ready = true;
        }
        Burst.runOrDefer(pump);
    }

    // ---------------------------------------------------------------- stage 1: keys

    private void pumpKeys() {
        List<Item> settled = new ArrayList<>();
        List<Item> batch = new ArrayList<>();
        synchronized (this) {
            if (keying) {
                return;
            }
            while (!line.isEmpty() && line.peek().ready && batch.size() < BatchPolicy.MAX_BATCH) {
                Item item = line.poll();
                boolean skipped = cluster.isClosed() || Inputs.failure(item.input) != null || Inputs.absent(item.input);
                (skipped ? settled : batch).add(item);
            }
            keying = !batch.isEmpty();
        }
        for (Item item : settled) {
            if (cluster.isClosed()) {
                TaskPlan.abandon(item, cluster.closedError());
            } else {
                TaskPlan.settleWithoutTask(item);
            }
        }
        if (!batch.isEmpty()) {
            sendKeys(batch);
        }
        signalIfIdle();
    }

    private void sendKeys(List<Item> items) {
        JobInputs inputs;
        try {
            // Reads without claiming: the inputs stay for the accumulate's task, which consumes them.
            JobInputs.Builder builder = JobInputs.builder();
            Map<Batch, Integer> unclaimed = new IdentityHashMap<>();
            items.forEach(item -> Inputs.describe(item.input, builder, unclaimed));
            inputs = builder.build(cluster.codec());
        } catch (RuntimeException unmarshallable) {
            keyed(items, null, unmarshallable);
            return;
        }
        int location = Inputs.location(items.get(0).input);
        int partition = location >= 0 ? location : cluster.placement().partitionOnLeastLoadedServer();
        TaskLimit limit = cluster.timeouts().limit(what);
        KeyJob job = new KeyJob(key, inputs, limit);
        UUID server = cluster.placement().primary(partition);
        cluster.placement().started(server);
        ClusterCall.start(cluster, cluster.placement().sender(partition), what, limit,
                        () -> cluster.compute().affinityCallAsync(Caches.DATA_ONLY, partition, job))
                .whenComplete((result, error) -> {
                    cluster.placement().finished(server);
                    cluster.timeouts().report(limit, result);
                    keyed(items, result, error);
                });
    }

    /** The keys came back ({@code result}) or not ({@code error}): elements join their lines or fail. */
    private void keyed(List<Item> items, JobResult result, Throwable error) {
        Throwable[] errors = result == null ? null : result.errors(cluster.codec());
        Object[] keys = result == null ? null : result.values(cluster.codec());
        Set<Lane> touched = new LinkedHashSet<>();
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
                Object stateKey = DriverKeys.perKey(stepKey, serialized, partition);
                if (stateKeys.add(stateKey)) {
                    cluster.registerState(this, stateKey);
                }
                Lane lane = lanes.computeIfAbsent(partition, Lane::new);
                lane.waiting.add(new Keyed(item, stateKey));
                inLanes++;
                touched.add(lane);
            }
            keying = false;
        }
        Burst.run(() -> failed.forEach(Runnable::run));
        touched.forEach(this::pumpLane);
        pumpKeys();
    }

    // ---------------------------------------------------------------- stage 2: per-partition lines

    /** The elements of the keys of one partition, waiting in emit order, and its task in flight. */
    private static final class Lane {
        final int partition;
        final ArrayDeque<Keyed> waiting = new ArrayDeque<>();
        boolean inFlight;
        long nextSeq = 1;

        Lane(int partition) {
            this.partition = partition;
        }
    }

    private record Keyed(Item item, Object stateKey) {
    }

    private void pumpLane(Lane lane) {
        List<Keyed> batch = new ArrayList<>();
        long firstSeq;
        synchronized (this) {
            if (lane.inFlight || lane.waiting.isEmpty()) {
                return;
            }
            while (!lane.waiting.isEmpty() && batch.size() < BatchPolicy.MAX_BATCH) {
                batch.add(lane.waiting.poll());
            }
            firstSeq = lane.nextSeq;
            lane.nextSeq += batch.size();
            lane.inFlight = true;
        }
        if (cluster.isClosed()) {
            finishLane(lane, batch, () -> batch.forEach(k -> TaskPlan.abandon(k.item, cluster.closedError())));
        } else {
            send(lane, batch, firstSeq);
        }
    }

    private void send(Lane lane, List<Keyed> batch, long firstSeq) {
        List<Item> items = new ArrayList<>(batch.size());
        Object[] stateKeysOfBatch = new Object[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            items.add(batch.get(i).item);
            stateKeysOfBatch[i] = batch.get(i).stateKey;
        }
        Batch out = new Batch(cluster, lane.partition, uses);
        TaskPlan plan;
        try {
            // The job may always remove its inputs: a re-run answers from the state entries.
            plan = TaskPlan.of(items, true, cluster.codec());
        } catch (RuntimeException unmarshallable) {
            finishLane(lane, batch, () -> items.forEach(item -> TaskPlan.abandon(item, unmarshallable)));
            return;
        }
        TaskLimit limit = cluster.timeouts().limit(what);
        KeyedAccumulateJob job = new KeyedAccumulateJob(op, stateKeysOfBatch, firstSeq, plan.inputs, out.key(),
                out.returnsValues(), plan.consumed, limit);
        UUID server = cluster.placement().primary(lane.partition);
        cluster.placement().started(server);
        ClusterCall.start(cluster, cluster::execute, what, limit,
                        () -> cluster.compute().affinityCallAsync(Caches.BOTH, lane.partition, job))
                .whenComplete((result, error) -> {
                    cluster.placement().finished(server);
                    cluster.timeouts().report(limit, result);
                    plan.finish(cluster, out, result, error).whenComplete((ignored, e) -> finishLane(lane, batch, () -> { }));
                });
    }

    /** The lane's task is over: settles what {@code settle} does, then sends the lane's next task. */
    private void finishLane(Lane lane, List<Keyed> batch, Runnable settle) {
        Burst.run(settle);
        synchronized (this) {
            lane.inFlight = false;
            inLanes -= batch.size();
        }
        pumpLane(lane);
        signalIfIdle();
    }

    // ---------------------------------------------------------------- idle, release, abandon

    @Override
    public synchronized CompletableFuture<Void> idle() {
        return idle.await(busy());
    }

    private boolean busy() {
        return !line.isEmpty() || keying || inLanes > 0;
    }

    private void signalIfIdle() {
        CompletableFuture<Void> due;
        synchronized (this) {
            due = idle.release(busy());
        }
        IdleSignal.complete(due);
    }

    /** Removes the states once the elements sent are applied: a job still running would write them again. */
    @Override
    public void release() {
        idle().whenComplete((ignored, error) -> {
            List<Object> keys;
            synchronized (this) {
                keys = new ArrayList<>(stateKeys);
            }
            keys.forEach(cluster::forgetState);
        });
    }

    @Override
    public void abandon(Throwable reason) {
        List<Item> dropped = new ArrayList<>();
        synchronized (this) {
            dropped.addAll(line);
            line.clear();
            for (Lane lane : lanes.values()) {
                lane.waiting.forEach(k -> dropped.add(k.item));
                inLanes -= lane.waiting.size();
                lane.waiting.clear();
            }
        }
        dropped.forEach(item -> TaskPlan.abandon(item, reason));
        signalIfIdle();
    }
}
