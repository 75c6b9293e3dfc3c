package io.streamz.cluster;

import java.util.concurrent.TimeoutException;

/**
 * A user function of a cluster step ran longer on one element than the task timeout of
 * {@link IgniteClusterOptions#taskTimeout()}: the element fails with this exception, whose cause is a
 * {@link TimeoutException} and whose message names the step and the timeout. It is made on the server
 * that ran the function (the function was interrupted and its thread is free again), or on the driver
 * when the function ignored the interrupt (then every element of its task fails with it, and the
 * server thread stays busy until the function returns). A timed-out element is never run again.
 */
public final class ClusterTaskTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what timed out, after how long, and what to do
     * @param timeout the timeout as people write it ("500 ms"), for the cause
     */
    public ClusterTaskTimeoutException(String message, String timeout) {
        super(message, new TimeoutException("task timeout of " + timeout));
    }
}
