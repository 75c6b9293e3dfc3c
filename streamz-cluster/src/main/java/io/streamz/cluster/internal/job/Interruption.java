package io.streamz.cluster.internal.job;

import org.apache.ignite.IgniteInterruptedException;

/**
 * A job interrupted while a user function ran was cancelled (its node is stopping): that is no
 * failure of the element, so the whole job fails and Ignite runs it again on another node. The
 * interrupt of the task timeout is not this: {@link ElementWatch} tells it apart and fails only the
 * element, which is never run again.
 */
final class Interruption {
    private Interruption() {
    }

    static void abortIfInterrupted(Throwable error) {
        InterruptedException interrupted = Causes.first(error, InterruptedException.class);
        if (interrupted != null) {
            Thread.currentThread().interrupt();
            throw new IgniteInterruptedException(interrupted);
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new IgniteInterruptedException("the job was cancelled while its user function ran");
        }
    }
}
