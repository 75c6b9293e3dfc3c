package io.streamz.cluster;

/**
 * The state of a cluster {@code accumulate} is gone: every server holding it (and its backup) stopped,
 * e.g. the whole cluster was restarted, or the cluster removed it while this driver was cut off. The
 * state lives in the servers' memory only (durable state is future work), so the step cannot go on:
 * this element and every later one of the step fail with this exception, rather than count on from
 * the start value as if nothing happened. For {@code accumulateByKey} the state is one key's: that
 * key's elements fail so, while the other keys go on. The message names the step (and the key); build
 * the stream again to start afresh.
 */
public final class ClusterStateLostException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public ClusterStateLostException(String message, Throwable cause) {
        super(message, cause);
    }
}
