package io.streamz.cluster.internal.job;

import io.streamz.cluster.ClusterTaskTimeoutException;
import java.io.Serializable;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.ignite.Ignite;

/**
 * The task timeout as a job carries it to its server: how long the user function may run on one
 * element, the step's name for the messages, and whom to tell when the function ignores the
 * interrupt (the driver node, and this task's number there). Made by the driver per task.
 */
public final class TaskLimit implements Serializable {
    /** The topic of the notice a server sends the driver when a function ignores the interrupt; the message is the task's number. */
    public static final String TOPIC = "streamz-task-timeout";
    private static final long serialVersionUID = 1L;
    private static final long MIN_GRACE = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long MAX_GRACE = TimeUnit.SECONDS.toNanos(1);

    private final long nanos;
    private final String step;
    private final UUID driver;
    private final long task;

    public TaskLimit(Duration timeout, String step, UUID driver, long task) {
        this(timeout.toNanos(), step, driver, task);
    }

    private TaskLimit(long nanos, String step, UUID driver, long task) {
        this.nanos = nanos;
        this.step = step;
        this.driver = driver;
        this.task = task;
    }

    /** This limit for one of the steps a task runs fused ({@link FusedOp}): the same task, named {@code step} in messages. */
    TaskLimit forStep(String step) {
        return new TaskLimit(nanos, step, driver, task);
    }

    /** The task's number on its driver. */
    public long task() {
        return task;
    }

    long nanos() {
        return nanos;
    }

    /**
     * How long a function may go on after the interrupt before it counts as ignoring it: a tenth of
     * the timeout, between 100 ms and 1 s (a function that checks for interruption reacts within
     * microseconds, but a loaded server may not schedule it at once).
     */
    long graceNanos() {
        return Math.max(MIN_GRACE, Math.min(MAX_GRACE, nanos / 10));
    }

    /** The failure of an element whose function ran too long and was interrupted. */
    ClusterTaskTimeoutException overran() {
        return new ClusterTaskTimeoutException(step + ": the function ran longer than the task timeout of " + timeout()
                + " on this element and was interrupted; its server thread is free again. Make the function faster,"
                + " or allow it more time with IgniteClusterOptions.withTaskTimeout(Duration)", timeout());
    }

    /** The failure of every element of a task whose function ran too long and did not react to the interrupt. */
    public ClusterTaskTimeoutException ignoredInterrupt() {
        return new ClusterTaskTimeoutException(step + ": the function ran longer than the task timeout of " + timeout()
                + " on an element of this task and ignored the interrupt; the task's elements fail, and its server"
                + " thread stays busy until the function returns (its result is then discarded). Make the function"
                + " return when interrupted, or allow it more time with IgniteClusterOptions.withTaskTimeout(Duration)", timeout());
    }

    /** The driver's log line for a task of {@code size} elements, {@code timedOut} of which ran too long. */
    public String summary(int timedOut, int size) {
        String which = size == 1 ? "an element" : timedOut + " of the " + size + " elements of a task";
        return step + ": " + which + " ran longer than the task timeout of " + timeout() + " and failed; the function"
                + " was interrupted and the server thread is free again (IgniteClusterOptions.withTaskTimeout sets the limit)";
    }

    /** Tells the driver that this task's function ignored the interrupt; a driver that is gone is not told. */
    void notifyDriver(Ignite ignite) {
        try {
            ignite.message(ignite.cluster().forNodeId(driver)).send(TOPIC, task);
        } catch (RuntimeException gone) {
            // The driver left: nobody waits for this task any more.
        }
    }

    /** The timeout as people write it: "500 ms", "60 s". */
    String timeout() {
        long millis = TimeUnit.NANOSECONDS.toMillis(nanos);
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    @Override
    public String toString() {
        return step + " within " + timeout();
    }
}
