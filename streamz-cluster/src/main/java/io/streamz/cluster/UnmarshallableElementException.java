package io.streamz.cluster;

/**
 * An element, or a result computed on the cluster, that cannot cross the network intact: it holds
 * an object Ignite's marshallers silently write as {@code null} (a {@code Thread}, a
 * {@code ClassLoader}, a socket, an Ignite object...), or a record holding something that is not
 * {@code Serializable}. Thrown where {@link ElementTooLargeException} is, with the same effect: the
 * element fails, nothing is sent, the stream goes on.
 */
public final class UnmarshallableElementException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public UnmarshallableElementException(String message, Throwable cause) {
        super(message, cause);
    }
}
