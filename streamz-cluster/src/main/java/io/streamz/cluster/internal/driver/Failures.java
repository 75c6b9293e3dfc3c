package io.streamz.cluster.internal.driver;

import io.streamz.cluster.internal.job.Causes;
import io.streamz.cluster.ClusterTaskTimeoutException;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.apache.ignite.IgniteCheckedException;
import org.apache.ignite.IgniteClientDisconnectedException;
import org.apache.ignite.IgniteException;
import org.apache.ignite.IgniteInterruptedException;
import org.apache.ignite.cluster.ClusterTopologyException;
import org.apache.ignite.compute.ComputeExecutionRejectedException;
import org.apache.ignite.internal.IgniteClientDisconnectedCheckedException;
import org.apache.ignite.internal.IgniteInterruptedCheckedException;
import org.apache.ignite.internal.NodeStoppingException;
import org.apache.ignite.internal.cluster.ClusterTopologyCheckedException;

/** Tells apart the failures worth a retry (the topology changed) and digs out the original exception. */
final class Failures {
    private Failures() {
    }

    /**
     * A node left or is stopping (a job there was cancelled or could not finish), or the client is
     * reconnecting: every job and cache operation of streamz is idempotent, so running it again on
     * the new topology is safe. Other failures (a value that cannot be marshalled) would fail again,
     * and a task timeout is final: the function would overrun again, holding another server thread.
     */
    static boolean isTransient(Throwable error) {
        // The outermost of a timeout and a topology change decides: a timeout wrapping one is final.
        Throwable decisive = Causes.first(error, e -> e instanceof ClusterTaskTimeoutException || topologyChanged(e));
        return decisive != null && !(decisive instanceof ClusterTaskTimeoutException);
    }

    private static boolean topologyChanged(Throwable e) {
        return e instanceof ClusterTopologyException || e instanceof ClusterTopologyCheckedException
                || e instanceof IgniteClientDisconnectedException || e instanceof IgniteClientDisconnectedCheckedException
                || e instanceof NodeStoppingException || e instanceof ComputeExecutionRejectedException
                || e instanceof IgniteInterruptedException || e instanceof IgniteInterruptedCheckedException
                || e instanceof InterruptedException || mentionsStopping(e);
    }

    /** Ignite says "node is stopping" or "grid is stopping" in plain IgniteExceptions too. */
    private static boolean mentionsStopping(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getName().startsWith("org.apache.ignite.") && message != null
                && message.toLowerCase(Locale.ROOT).contains("stopping");
    }

    /** The exception under Ignite's and the futures' plain wrappers (the error itself when it is none). */
    static Throwable original(Throwable error) {
        Throwable original = Causes.first(error, e -> !isWrapper(e) || e.getCause() == null || e.getCause() == e);
        // Null only when wrappers loop back on themselves through others: nothing under them to show.
        return original != null ? original : error;
    }

    private static boolean isWrapper(Throwable e) {
        Class<?> type = e.getClass();
        return type == IgniteException.class || type == IgniteCheckedException.class
                || e instanceof CompletionException || e instanceof ExecutionException;
    }
}
