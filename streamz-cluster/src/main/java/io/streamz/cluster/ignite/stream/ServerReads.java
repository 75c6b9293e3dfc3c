package io.streamz.cluster.ignite.stream;

import io.streamz.cluster.Cluster;
import io.streamz.cluster.ClusterStream;
import io.streamz.cluster.ignite.driver.ClusterContext;
import io.streamz.cluster.ignite.driver.OpenContexts;
import io.streamz.cluster.ignite.driver.ServerReader;
import io.streamz.cluster.ignite.driver.Uses;
import io.streamz.function.SupplierEx;
import io.streamz.local.core.Node;
import java.util.concurrent.CompletableFuture;

/**
 * What a source that reads on the servers builds on (streamz-kafka's {@code fromKafkaBatched} on a
 * cluster, streamz's {@code dask=True}): {@link #read} runs a read on a server and makes a handle to
 * the element stored there; the source, a local node on the driver, emits those handles, and
 * {@link #stream} makes them a {@link ClusterStream}, so the elements go from server to server and
 * never cross the driver. The one entry of a module that reads on the servers (made by {@link #on});
 * not for application code.
 */
public final class ServerReads {
    private final ClusterContext context;
    private final Uses uses = new Uses();
    private final ServerReader reader;

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
        this.reader = new ServerReader(context, uses, what);
    }

    /**
     * Runs {@code read} on the server of {@code slot} (see {@link ServerReader#read}). Completes with
     * the element for the source's node to emit (for {@link #stream}: a handle to what the read
     * stored, opaque to the source), or with {@code null} when the read supplied {@code null}
     * (nothing to emit); exceptionally with the read's failure. Never blocks.
     */
    public CompletableFuture<Object> read(int slot, SupplierEx<?> read) {
        return reader.read(slot, read).thenApply(handle -> handle.isAbsent() ? null : handle);
    }

    /** The cluster stream of the handles {@code source} emits (each one {@link #read} made); call once. */
    public <T> ClusterStream<T> stream(Node<?> source) {
        return IgniteClusterStream.ofStored(context, source, uses);
    }

    @Override
    public String toString() {
        return reader.toString();
    }
}
