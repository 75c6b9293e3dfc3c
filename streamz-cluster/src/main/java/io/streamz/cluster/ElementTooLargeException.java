package io.streamz.cluster;

/**
 * An element, or a result computed on the cluster, whose marshalled form is larger than
 * {@link IgniteClusterOptions#maxElementBytes()}. An element fails with it at {@code emit}, on the
 * emitting thread, before anything is sent (after an asynchronous operator such as {@code buffer}
 * it goes to the stream's error handler instead); a too large result fails its element only. The
 * stream goes on either way.
 */
public final class ElementTooLargeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final long size;
    private final long limit;

    /**
     * @param what  what is too large, e.g. {@code "a java.lang.String element"}
     * @param size  its marshalled size in bytes
     * @param limit the limit it broke
     */
    public ElementTooLargeException(String what, long size, long limit) {
        super(what + " is " + size + " bytes marshalled, more than the cluster's limit of " + limit
                + " bytes per element: raise it with IgniteClusterOptions.withMaxElementBytes, or keep big data "
                + "outside the stream (a file, a cache) and emit a reference to it");
        this.size = size;
        this.limit = limit;
    }

    /** The marshalled size in bytes. */
    public long size() {
        return size;
    }

    /** The limit, {@link IgniteClusterOptions#maxElementBytes()} of the cluster. */
    public long limit() {
        return limit;
    }
}
