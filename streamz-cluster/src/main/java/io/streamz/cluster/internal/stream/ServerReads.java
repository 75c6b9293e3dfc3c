package io.streamz.cluster.internal.stream;

import io.streamz.cluster.Cluster;
import io.streamz.cluster.ClusterStream;
import io.streamz.cluster.internal.driver.ClusterContext;
import io.streamz.cluster.internal.driver.OpenContexts;
import io.streamz.cluster.internal.driver.ServerReader;
import io.streamz.cluster.internal.driver.Uses;
import io.streamz.cluster.internal.job.ShippedOp;
import io.streamz.function.SupplierEx;
import io.streamz.local.internal.core.Node;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What a source that reads on the servers builds on (streamz-kafka's {@code fromKafkaBatched} on a
 * cluster, streamz's {@code dask=True}): {@link #read} runs a read on a server and makes a handle to
 * the element stored there; the source, a local node on the driver, emits those handles, and
 * {@link #stream} makes them a {@link ClusterStream}, so the elements go from server to server and
 * never cross the driver. The one entry of a module that reads on the servers (made by {@link #on});
 * not for application code.
 *
 * <p><b>Fused with the steps after it.</b> At the first read, when the source's only downstream is an
 * element-wise cluster step fed by nothing else, that step and those fusable after it ({@link
 * FusedSteps#afterRead}) run in the read's own task: each read applies them where it read and stores
 * only their outcome, so a batch read is neither stored nor sent to another task. Decided then,
 * rather than when the pipeline is built, as fusing steps is; afterwards the source's stream and the
 * steps before the chain's last refuse new consumers. The steps' counts and names stay: each still sees every element, and a
 * function that fails or overruns the task timeout fails its element under its own step's name, as
 * in the step's own task. A read re-run after its server left applies the chain again: a cluster
 * {@code toKafkaEach} in it writes at least once, as it does in a task of its own.
 */
public final class ServerReads {
    private final ClusterContext context;
    private final Uses uses = new Uses();
    private final ServerReader plain;
    /** The source {@link #stream} was made of, {@code null} before. */
    private Node<?> source;
    /** How every read runs, decided at the first; {@code null} before. */
    private ServerReader reader;

    /**
     * The start of a source that reads on the servers of {@code cluster}, {@code what} naming it in
     * messages (e.g. "fromKafkaBatched topic"). On the caller's thread; never blocks.
     *
     * @throws IllegalArgumentException    when {@code cluster} is not one of streamz-cluster's (no other engine
     *                                     reads on its servers), naming {@code what} and saying what to pass
     * @throws io.streamz.cluster.ClusterUnavailableException when it is closed
     */
    public static ServerReads on(Cluster cluster, String what) {
        ClusterContext context;
        try {
            context = OpenContexts.of(cluster);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " reads on a cluster's servers: " + e.getMessage(), e);
        }
        return new ServerReads(context, what);
    }

    private ServerReads(ClusterContext context, String what) {
        context.checkOpen();
        this.context = context;
        this.plain = new ServerReader(context, uses, what);
    }

    /**
     * Runs {@code read} on the server of {@code slot} (see {@link ServerReader#read}). Completes with
     * the element for the source's node to emit (for {@link #stream}: a handle to what the read
     * stored, opaque to the source; emit it also when it is absent or failed: the steps fused with the
     * read left it so), or with {@code null} when the read supplied {@code null} (nothing to emit);
     * exceptionally with the read's failure. The first call decides whether reads run fused with the
     * steps after the source (see above). Never blocks.
     */
    public CompletableFuture<Object> read(int slot, SupplierEx<?> read) {
        return reader().read(slot, read).thenApply(handle -> handle);
    }

    /** The reader of every read, decided at the first: one applying the steps fused with the reads, if any. */
    private synchronized ServerReader reader() {
        if (reader == null) {
            List<StepNode> chain = source == null ? List.of() : FusedSteps.afterRead(source);
            if (chain.isEmpty()) {
                reader = plain;
            } else {
                reader = plain.applying(ShippedOp.of(FusedSteps.op(chain), context.options().maxElementBytes()),
                        chain.get(chain.size() - 1).element().uses(), FusedSteps.name(chain));
                // A consumer attached now would get the chain's outcome instead of what was read.
                uses.refuseMore(source + " runs fused with the cluster steps after it, in one task per read, since its first"
                        + " read: what it reads is never stored, so nothing more can read it. Attach every consumer of its"
                        + " stream before it starts");
            }
        }
        return reader;
    }

    /** The cluster stream of the handles {@code source} emits (each one {@link #read} made); call once. */
    public synchronized <T> ClusterStream<T> stream(Node<?> source) {
        this.source = source;
        return IgniteClusterStream.ofStored(context, source, uses);
    }

    /** {@code <server reader: fromKafkaBatched t -> cluster map Upper on c>} once fused at the first read. */
    @Override
    public synchronized String toString() {
        return (reader == null ? plain : reader).toString();
    }
}
