package io.streamz.cluster.internal.driver;

import io.streamz.cluster.ClusterStateLostException;
import io.streamz.cluster.internal.job.StateLostException;

/**
 * Turns a job's {@link StateLostException} into the {@link ClusterStateLostException} the user sees,
 * for {@code accumulate} and {@code accumulateByKey} alike. Stateless; any thread.
 */
final class StateLoss {
    private StateLoss() {
    }

    /**
     * {@code error} as the user sees it: a {@link StateLostException} (however Ignite wrapped it)
     * becomes a {@link ClusterStateLostException} whose message starts with {@code whatWasLost} (which
     * names the step) and says that {@code consequence}; any other error is returned as it is.
     */
    static Throwable named(Throwable error, String whatWasLost, String consequence) {
        if (!(Failures.original(error) instanceof StateLostException lost)) {
            return error;
        }
        return new ClusterStateLostException(whatWasLost + ": " + lost.getMessage()
                + ". Every server holding it (and its backup) stopped, e.g. the whole cluster restarted, or the cluster "
                + "dropped it while this driver was away. "
                + "An unnamed accumulate state lives in the servers' memory only, and so does a named one (durable(...)) "
                + "unless the servers persist it (the Docker cluster does), so "
                + consequence + ": build the stream again to start afresh (destroy() a named state first).", lost);
    }
}
