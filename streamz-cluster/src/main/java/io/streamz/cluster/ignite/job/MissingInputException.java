package io.streamz.cluster.ignite.job;

/** A job found a stored input gone: either a re-run whose first run consumed it, or a lost result. */
final class MissingInputException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    MissingInputException(Object key) {
        super("the stored result " + key + " that a cluster step needs is no longer in the cache "
                + "(it was consumed already or the nodes holding it and its backup were lost)");
    }
}
