package io.streamz.cluster;

/**
 * The cluster did not answer within the operation timeout of {@link IgniteClusterOptions} (all
 * servers gone, network lost) or was closed; the message names the cluster. Elements that met it
 * were not processed, or their results could not be fetched.
 */
public final class ClusterUnavailableException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public ClusterUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
