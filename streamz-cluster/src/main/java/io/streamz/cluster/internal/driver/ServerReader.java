package io.streamz.cluster.internal.driver;

import io.streamz.cluster.ClusterTaskTimeoutException;
import io.streamz.cluster.internal.job.Caches;
import io.streamz.cluster.internal.job.ElementOp;
import io.streamz.cluster.internal.job.JobResult;
import io.streamz.cluster.internal.job.ReadJob;
import io.streamz.cluster.internal.job.ShippedOp;
import io.streamz.cluster.internal.job.TaskLimit;
import io.streamz.function.SupplierEx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Runs the reads of a source that reads on the cluster: each read is a {@link ReadJob} on the server
 * its slot is placed on ({@link Placement#partitionForSlot}), which stores the element it read there,
 * and becomes a {@link Handle} to it, as a cluster step's result would. Reads of one slot go to one
 * server while the topology stays, and follow the slot to another server when it changes (a read
 * under way when its server leaves is run again there: reads must be repeatable). A reader made by
 * {@link #applying} has each read apply the cluster steps after the source in its job, and stores only
 * their outcome. Any thread.
 */
public final class ServerReader {
    private final ClusterContext context;
    private final Uses uses;
    private final String what;
    /** The steps each read applies, or {@code null}. */
    private final ShippedOp<ElementOp> chain;
    /** {@code chain}'s steps as messages name them, or {@code null}. */
    private final String steps;

    /** Reads for {@code what} (for messages, e.g. "fromKafkaBatched"), whose results {@code uses} counts the readers of. */
    public ServerReader(ClusterContext context, Uses uses, String what) {
        this(context, uses, what, null, null);
    }

    private ServerReader(ClusterContext context, Uses uses, String what, ShippedOp<ElementOp> chain, String steps) {
        this.context = context;
        this.uses = uses;
        this.what = what;
        this.chain = chain;
        this.steps = steps;
    }

    /**
     * A reader whose reads apply {@code chain} (the element-wise steps after the source, named {@code
     * steps} in messages, e.g. "cluster map inc -> cluster filter") where they read, each function held
     * to the task timeout, and store its outcome, whose readers {@code chainUses} counts (those of the
     * chain's last step). An element whose function fails completes its read with a failed handle, as
     * the step would make, and so does one whose function ignored the interrupt (the read is not run
     * again for it).
     */
    public ServerReader applying(ShippedOp<ElementOp> chain, Uses chainUses, String steps) {
        return new ServerReader(context, chainUses, what, chain, steps);
    }

    /**
     * Runs {@code read} on the server of {@code slot}; completes with a handle to what it read (or to
     * what the chain made of it), once stored (a handle failed with the reason when the element could
     * not be stored, e.g. too large, or when a function of the chain failed; an absent one when the
     * chain filtered it out), with {@code null} when the read supplied {@code null} (nothing read), or
     * exceptionally with the read's exception or the cluster's failure, having stored nothing.
     */
    public CompletableFuture<Handle> read(int slot, SupplierEx<?> read) {
        context.checkOpen();
        int partition = context.placement().partitionForSlot(slot);
        TaskResults out = new TaskResults(context.results(), partition, uses);
        TaskLimit limit = chain == null ? null : context.stepTask().limit(steps);
        ReadJob job = new ReadJob(read, chain, limit, out.key(), out.returnsValues(), context.options().maxElementBytes());
        CompletableFuture<JobResult> answer = context.stepTask().send(context.placement().sender(partition), what, limit,
                Caches.DATA_ONLY, partition, job);
        return answer.handle((result, error) -> {
            if (error != null) {
                if (out.key() != null) {
                    // A run that the failure interrupted may have stored its element.
                    context.remover().remove(out.key());
                }
                Throwable original = Failures.original(error);
                if (chain != null && original instanceof ClusterTaskTimeoutException) {
                    // A function of the chain ignored the interrupt: its element fails, as in the step's own task.
                    return Handle.failed(original);
                }
                throw new CompletionException(original);
            }
            if (result.size() == 0) {
                return null;
            }
            out.completed(result);
            Handle handle = new Handle();
            handle.settle(result, out, 0, at -> result.errors(context.codec())[at]);
            return handle;
        });
    }

    @Override
    public String toString() {
        return "<server reader: " + what + (steps == null ? "" : " -> " + steps) + " on " + context.name() + ">";
    }
}
