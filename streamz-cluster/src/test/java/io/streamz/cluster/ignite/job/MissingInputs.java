package io.streamz.cluster.ignite.job;

/** The failure of a job that found a stored input gone, for the driver's tests, which cannot make one. */
public final class MissingInputs {
    private MissingInputs() {
    }

    /** What a job throws when the batch under {@code key} is gone. */
    public static MissingInputException of(Object key) {
        return new MissingInputException(key);
    }
}
