package io.streamz.cluster.ignite.job;

import java.util.Arrays;

/** What jobs answer, for the driver's tests, which cannot make it themselves. */
public final class JobAnswers {
    private JobAnswers() {
    }

    /** What a job throws when the batch under {@code key} is gone. */
    public static MissingInputException missingInput(Object key) {
        return new MissingInputException(key);
    }

    /** The answer of a task that stored its outcomes ({@code stored}), {@code present} of them present, then {@code absent} absent. */
    public static JobResult answer(boolean stored, int present, int absent) {
        byte[] status = new byte[present + absent];
        Arrays.fill(status, present, status.length, Outcomes.ABSENT);
        return new JobResult(status, null, null, status.length, 0, stored, 0);
    }
}
