package io.streamz.cluster.internal.driver;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.streamz.cluster.config.DriverKeys;
import io.streamz.cluster.internal.job.Caches;
import io.streamz.cluster.internal.job.Codec;
import io.streamz.cluster.internal.job.JobAnswers;
import io.streamz.cluster.internal.job.JobResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCluster;
import org.apache.ignite.IgniteMessaging;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.internal.util.future.GridFutureAdapter;
import org.apache.ignite.internal.util.future.IgniteFutureImpl;
import org.apache.ignite.lang.IgniteCallable;
import org.apache.ignite.lang.IgniteFuture;

/**
 * The driver-side parts that a step's tasks go through, real except for the cluster: the test plays
 * the servers, taking each task sent ({@link #nextTask}) and answering it when it likes. Tasks go
 * through the real {@link StepTask}, {@link ClusterCall} (on real driver threads), {@link Placement}
 * (every partition on one server) and {@link ResultStore} (whose removals are recorded). Close it.
 */
final class TaskBench implements AutoCloseable {
    static final UUID SERVER = new UUID(0, 7);
    private static final UUID DRIVER = new UUID(0, 1);
    static final int SERVER_THREADS = 4;
    private static final long WAIT_SECONDS = 10;

    /** A task as the servers got it; {@link #answer} or {@link #fail} it. */
    record Sent(Collection<String> caches, int partition, IgniteCallable<JobResult> job, GridFutureAdapter<JobResult> reply) {
        void answer(JobResult result) {
            reply.onDone(result);
        }

        void fail(Throwable error) {
            reply.onDone(error);
        }
    }

    final Codec codec = JobAnswers.codec();
    final DriverThreads threads = new DriverThreads();
    final ClusterLiveness liveness = TestLiveness.of(() -> false);
    final TaskTimeouts timeouts = new TaskTimeouts(client(), Duration.ofSeconds(10));
    final ClusterCalls calls = new ClusterCalls(threads, liveness, timeouts);
    final Placement placement = new Placement(oneServer(), SERVER_THREADS, Runnable::run);
    /** The keys removed from the data cache, in order. */
    final BlockingQueue<Object> removed = new LinkedBlockingQueue<>();
    final Remover remover = new Remover(keys -> {
        removed.addAll(keys);
        return CompletableFuture.completedFuture(null);
    }, liveness::isClosed, "bench");
    private final AtomicLong keys = new AtomicLong();
    /** Keys of this driver's, as the context makes them (see {@link DriverKeys}). */
    final ResultStore store = new ResultStore("bench", partition -> DriverKeys.key(DRIVER, keys.incrementAndGet(), partition), key -> CompletableFuture.completedFuture(null),
            remover, (holder, key) -> { }, codec);
    private final BlockingQueue<Sent> sent = new LinkedBlockingQueue<>();
    final StepTask stepTask = new StepTask(new TaskTarget() {
        @Override
        public IgniteFuture<JobResult> call(Collection<String> caches, int partition, IgniteCallable<JobResult> job) {
            GridFutureAdapter<JobResult> reply = new GridFutureAdapter<>();
            sent.add(new Sent(caches, partition, job, reply));
            return new IgniteFutureImpl<>(reply);
        }

        @Override
        public boolean hasCache(String name) {
            return true;
        }
    }, placement, calls);

    /** The tasks of a step named {@code what} whose results one later step reads. */
    StepTasks tasks(String what) {
        Uses uses = new Uses();
        uses.add(false, false);
        return new StepTasks(stepTask, store, what, uses);
    }

    /**
     * The home of a step's unnamed state, on a new key in {@code partition}; no name can be claimed
     * (that needs a cluster), nor the state removed.
     */
    StateHome stateHome(int partition, String step) {
        StepLifetimes lifetimes = new StepLifetimes("bench", calls, () -> {
            throw new AssertionError("the bench has no state cache");
        }, remover);
        return new StateHome(lifetimes, name -> {
            throw new AssertionError("claiming a name needs a cluster");
        }, StatePlace.unnamed(store::newKey, partition), step);
    }

    /** The next task sent, waiting for it. */
    Sent nextTask() throws InterruptedException {
        Sent task = sent.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(task, "no task was sent");
        return task;
    }

    /** The next task sent if one was sent already, else {@code null}: for sends made on the test's thread. */
    Sent sentNow() {
        return sent.poll();
    }

    /** Fails if a task is sent within {@code millis}: for sends that would come from a callback thread. */
    void noTaskSentWithin(long millis) throws InterruptedException {
        assertNull(sent.poll(millis, TimeUnit.MILLISECONDS), "a task was sent");
    }

    /** Fails unless no task is waiting to be taken now; the caller knows no send is under way. */
    void noTaskSent() {
        assertNull(sent.peek(), "a task was sent");
    }

    /** The values still on the driver that {@code task} ships, in order. */
    List<Object> values(Sent task) {
        return JobAnswers.shippedValues(task.job(), codec);
    }

    /** A scattered element: a handle to {@code value}, still on the driver. */
    Handle scattered(Object value) {
        return Handle.inline(value, codec.encode(value));
    }

    /** The keys removed so far. */
    List<Object> removedKeys() {
        return new ArrayList<>(removed);
    }

    @Override
    public void close() {
        liveness.close();
        timeouts.close();
        threads.shutdown();
    }

    /** A client node that answers what {@link TaskTimeouts} asks of it, and nothing more. */
    static Ignite client() {
        ClusterNode self = Stubs.of(ClusterNode.class, Map.of("id", args -> new UUID(0, 1)));
        IgniteCluster cluster = Stubs.of(IgniteCluster.class, Map.of("localNode", args -> self));
        IgniteMessaging messaging = Stubs.of(IgniteMessaging.class, Map.of("localListen", args -> null,
                "stopLocalListen", args -> null));
        return Stubs.of(Ignite.class, Map.of("cluster", args -> cluster, "message", args -> messaging));
    }

    private static Placement.Topology oneServer() {
        UUID[] primaries = new UUID[Caches.PARTITIONS];
        Arrays.fill(primaries, SERVER);
        return new Placement.Topology() {
            @Override
            public long version() {
                return 1;
            }

            @Override
            public UUID[] primaries() {
                return primaries.clone();
            }
        };
    }
}
