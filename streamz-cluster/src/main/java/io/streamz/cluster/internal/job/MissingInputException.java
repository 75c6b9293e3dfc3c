package io.streamz.cluster.internal.job;

/**
 * A job found a stored input gone: either a re-run whose first run consumed it, or a lost result.
 * Public so that the driver, which receives it as a task's failure, can recompute the batch under
 * {@link #key()} when it knows how (see the driver's {@code Recipe}).
 */
public final class MissingInputException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final Object key;

    MissingInputException(Object key) {
        super("the stored result " + key + " that a cluster step needs is no longer in the cache "
                + "(it was consumed already or the nodes holding it and its backup were lost)");
        this.key = key;
    }

    /** The cache key of the stored batch that is gone. */
    public Object key() {
        return key;
    }
}
