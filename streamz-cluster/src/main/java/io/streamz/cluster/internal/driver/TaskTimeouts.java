package io.streamz.cluster.internal.driver;

import io.streamz.cluster.ClusterTaskTimeoutException;
import io.streamz.cluster.internal.job.JobResult;
import io.streamz.cluster.internal.job.TaskLimit;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.ignite.Ignite;
import org.apache.ignite.lang.IgniteBiPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver's side of the task timeout ({@link io.streamz.cluster.IgniteClusterOptions#taskTimeout()}):
 * gives each task its {@link TaskLimit}, which the server holds each element to; hears the servers'
 * notices of functions that ignored the interrupt and fails those tasks at once, since their jobs
 * will not answer before the function returns, if ever; and logs one WARN line per timed-out task,
 * never one per element.
 */
final class TaskTimeouts {
    private static final Logger LOG = LoggerFactory.getLogger(TaskTimeouts.class);

    private final Ignite ignite;
    private final Duration timeout;
    private final AtomicLong tasks = new AtomicLong();
    private final Map<Long, Watched> watched = new ConcurrentHashMap<>();
    private final IgniteBiPredicate<UUID, Object> listener = this::noticed;
    /** This client node's id as last seen: Ignite may not tell it while the client reconnects. */
    private volatile UUID self;

    private record Watched(TaskLimit limit, Consumer<Throwable> giveUp) {
    }

    TaskTimeouts(Ignite ignite, Duration timeout) {
        this.ignite = ignite;
        this.timeout = timeout;
        this.self = ignite.cluster().localNode().id();
        ignite.message().localListen(TaskLimit.TOPIC, listener);
    }

    /** The limit of a new task of {@code step} ("cluster map"). */
    TaskLimit limit(String step) {
        return new TaskLimit(timeout, step, self(), tasks.incrementAndGet());
    }

    /** Where the servers send their notices: a reconnected client has a new id. */
    private UUID self() {
        try {
            self = ignite.cluster().localNode().id();
        } catch (RuntimeException reconnecting) {
            // The task waits for the cluster anyway: the last id will do.
        }
        return self;
    }

    /**
     * Until {@link #forget}, a notice that this task's function ignored the interrupt hands
     * {@code giveUp} the failure of its elements, on an Ignite thread (so it must not block).
     */
    void watch(TaskLimit limit, Consumer<Throwable> giveUp) {
        watched.put(limit.task(), new Watched(limit, giveUp));
    }

    void forget(TaskLimit limit) {
        watched.remove(limit.task());
    }

    private boolean noticed(UUID server, Object task) {
        Watched gone = task instanceof Long number ? watched.remove(number) : null;
        if (gone != null) {
            ClusterTaskTimeoutException failure = gone.limit().ignoredInterrupt();
            LOG.warn(failure.getMessage());
            gone.giveUp().accept(failure);
        }
        return true;
    }

    /** Logs one line when elements of the task that answered {@code result} (or {@code null}) timed out. */
    void report(TaskLimit limit, JobResult result) {
        if (result != null && result.timedOut() > 0) {
            LOG.warn(limit.summary(result.timedOut(), result.size()));
        }
    }

    /** Stops hearing notices; the client node may be stopped already. */
    void close() {
        try {
            ignite.message().stopLocalListen(TaskLimit.TOPIC, listener);
        } catch (RuntimeException stopped) {
            // Nothing listens any more either way.
        }
    }
}
