package io.streamz.cluster.internal.driver;

import io.streamz.cluster.ClusterStateLostException;
import io.streamz.cluster.internal.job.AccumulateJob;
import io.streamz.cluster.internal.job.AccumulateOp;
import io.streamz.cluster.internal.job.JobResult;
import io.streamz.cluster.internal.job.RecordPositions;
import io.streamz.cluster.internal.job.ShippedOp;
import io.streamz.cluster.internal.job.TaskLimit;
import io.streamz.cluster.internal.job.StateLostException;
import io.streamz.local.internal.core.InputPosition;
import io.streamz.local.internal.core.Refs;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Sends the elements of a cluster {@code accumulate} in emit order, one task at a time, to the node
 * holding its state (an entry of the state cache, backed up). Elements whose inputs are complete
 * leave together, up to {@link BatchPolicy#MAX_BATCH}, once the task before them has answered; an
 * element whose input failed or was filtered out is not applied, nor one that timed out (see
 * {@link TaskTimeouts}). Each applied element gets the next sequence number, which the job checks
 * against the state's so a re-run never applies it twice; the job also gets the last sequence number
 * seen applied, so that it tells a state never written from a state lost with every server that held
 * it. A lost state fails this and every later element of the step with
 * {@link ClusterStateLostException}: the step stays failed, as going on from the start value would
 * give wrong results that look right.
 * {@link #submit} must be called in emit order (the step node synchronizes it). The state is removed
 * when the step is destroyed, when this dispatcher is garbage (nothing can emit into it any more), or
 * when the driver leaves; a named state ({@link #keepUnder}) only when the step is destroyed.
 *
 * <p>A named state also applies each input record once across drivers: an element that comes from one
 * record of a counted source ({@code fromKafkaBatched} then {@code flatten}) ships that record's position
 * and its partition's committed offset, and the job skips a record applied before (see
 * {@code AppliedRecords}).
 */
public final class AccumulateDispatcher implements StatefulDispatcher {

    private final StepTasks tasks;
    private final ShippedOp<AccumulateOp> op;
    private final EmitOrderLine line;
    private final StateHome home;
    private boolean inFlight;
    private long nextSeq = 1;
    /** The last sequence number a job answered for (so the state holds it); 0 while none has. */
    private long confirmedSeq;
    private final IdleSignal idle = new IdleSignal(this, this::busy);

    /** Made by {@link Dispatchers#accumulate}: sends {@code op}'s tasks through {@code tasks} to the state in {@code home}. */
    AccumulateDispatcher(StepTasks tasks, ClusterLiveness liveness, StateHome home, ShippedOp<AccumulateOp> op) {
        this.tasks = tasks;
        this.op = op;
        this.line = new EmitOrderLine(liveness, this, this::pump);
        this.home = home;
    }

    @Override
    public synchronized void keepUnder(String name) {
        nextSeq = home.name(name, nextSeq != 1 || inFlight || !line.isEmpty()).firstSeqBefore() + 1;
    }

    /**
     * Lines the element up. For a named state, notes the input record it comes from ({@link
     * Refs#position()}: the emitting thread's, this being called on it), so that the job applies each
     * record once across drivers; unnamed states never look.
     */
    @Override
    public void submit(Object input, Handle output) {
        if (home.place().named()) {
            Refs refs = Refs.current();
            line.submit(input, output, refs == null ? null : refs.position());
        } else {
            line.submit(input, output);
        }
    }

    private void pump() {
        List<Item> settled = new ArrayList<>();
        List<Item> batch;
        long firstSeq;
        long confirmed;
        synchronized (this) {
            if (inFlight) {
                return;
            }
            batch = line.takeReady(settled);
            firstSeq = nextSeq;
            nextSeq += batch.size();
            confirmed = confirmedSeq;
            inFlight = !batch.isEmpty();
        }
        line.settle(settled);
        if (!batch.isEmpty()) {
            send(batch, firstSeq, confirmed);
        }
        idle.signalIfIdle();
    }

    private void send(List<Item> items, long firstSeq, long confirmed) {
        StatePlace at = home.place();
        int partition = at.partition();
        TaskResults out = tasks.results(partition);
        TaskPlan plan;
        try {
            // The job may always remove its inputs: a re-run answers from the state entry.
            plan = TaskPlan.of(items, true);
        } catch (RuntimeException unmarshallable) {
            items.forEach(item -> TaskPlan.abandon(item, unmarshallable));
            synchronized (this) {
                inFlight = false;
            }
            line.pumpSoon();
            return;
        }
        TaskLimit limit = tasks.limit();
        AccumulateJob job = new AccumulateJob(op, at.key(), firstSeq, confirmed, plan.io(out, limit), at.cache(),
                positionsOf(items));
        long lastSeq = firstSeq + items.size() - 1;
        tasks.sendToState(at, null, partition, limit, job)
                .whenComplete((result, error) -> {
                    if (result != null) {
                        confirmed(lastSeq);
                    }
                    done(plan, out, result, error == null ? null : lost(error));
                });
    }

    /** The input records of {@code items}, with what their partitions have committed now; {@code null} when none has a position. */
    private static RecordPositions positionsOf(List<Item> items) {
        RecordPositions positions = null;
        for (int i = 0; i < items.size(); i++) {
            InputPosition at = items.get(i).position;
            if (at != null) {
                if (positions == null) {
                    positions = new RecordPositions(items.size());
                }
                positions.set(i, at.partition().name(), at.offset(), at.partition().committedBelow());
            }
        }
        return positions;
    }

    private synchronized void confirmed(long seq) {
        confirmedSeq = Math.max(confirmedSeq, seq);
    }

    /** The job's {@link StateLostException} as the user sees it, naming the step; other errors as they are. */
    private Throwable lost(Throwable error) {
        return StateLoss.named(error, home.step() + " lost its state on " + tasks.clusterName(),
                "this step fails this and every later element rather than count on from its start value");
    }

    @Override
    public void describedBy(Object step) {
        home.describedBy(step);
    }

    private void done(TaskPlan plan, TaskResults out, JobResult result, Throwable error) {
        tasks.finish(plan, out, result, error).whenComplete((ignored, e) -> {
            synchronized (this) {
                inFlight = false;
            }
            pump();
        });
    }

    @Override
    public CompletableFuture<Void> idle() {
        return idle.await();
    }

    private boolean busy() {
        return !line.isEmpty() || inFlight;
    }

    /** Removes the state once the elements sent are applied: a job still running would write it again. */
    @Override
    public void release() {
        home.release(idle());
    }

    @Override
    public void abandon(Throwable reason) {
        idle.abandon(line::drain, reason);
    }
}
