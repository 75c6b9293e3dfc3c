package io.streamz.cluster.ignite.driver;

import io.streamz.cluster.ignite.job.Caches;
import io.streamz.cluster.ignite.job.JobResult;
import io.streamz.cluster.ignite.job.Outcomes;
import io.streamz.cluster.ignite.job.ReadJob;
import io.streamz.function.SupplierEx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Runs the reads of a source that reads on the cluster: each read is a {@link ReadJob} on the server
 * its slot is placed on ({@link Placement#partitionForSlot}), which stores the element it read there,
 * and becomes a {@link Handle} to it, as a cluster step's result would. Reads of one slot go to one
 * server while the topology stays, and follow the slot to another server when it changes (a read
 * under way when its server leaves is run again there: reads must be repeatable). Any thread.
 */
public final class ServerReader {
    private final ClusterContext context;
    private final Uses uses;
    private final String what;

    /** Reads for {@code what} (for messages, e.g. "fromKafkaBatched"), whose results {@code uses} counts the readers of. */
    public ServerReader(ClusterContext context, Uses uses, String what) {
        this.context = context;
        this.uses = uses;
        this.what = what;
    }

    /**
     * Runs {@code read} on the server of {@code slot}; completes with a handle to what it read, once
     * stored (a handle failed with the reason when the element could not be stored, e.g. too
     * large; an absent one when the read supplied {@code null}), or exceptionally with the read's
     * exception or the cluster's failure, having stored nothing.
     */
    public CompletableFuture<Handle> read(int slot, SupplierEx<?> read) {
        context.checkOpen();
        int partition = context.placement().partitionForSlot(slot);
        TaskResults out = new TaskResults(context, partition, uses);
        ReadJob job = new ReadJob(read, out.key(), out.returnsValues(), context.options().maxElementBytes());
        CompletableFuture<JobResult> answer = StepTask.send(context, context.placement().sender(partition), what, null,
                Caches.DATA_ONLY, partition, job);
        return answer.handle((result, error) -> {
            if (error != null) {
                if (out.key() != null) {
                    // A run that the failure interrupted may have stored its element.
                    context.remover().remove(out.key());
                }
                throw new CompletionException(Failures.original(error));
            }
            out.completed(result);
            Handle handle = new Handle();
            if (result.status(0) == Outcomes.PRESENT) {
                handle.present(out, 0);
            } else if (result.status(0) == Outcomes.ABSENT) {
                handle.markAbsent();
            } else {
                handle.fail(result.errors(context.codec())[0]);
            }
            return handle;
        });
    }

    @Override
    public String toString() {
        return "<server reader: " + what + " on " + context.name() + ">";
    }
}
