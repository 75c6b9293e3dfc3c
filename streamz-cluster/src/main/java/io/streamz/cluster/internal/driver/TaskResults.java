package io.streamz.cluster.internal.driver;

import io.streamz.cluster.internal.job.JobResult;
import io.streamz.cluster.internal.job.Outcomes;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The results of one task. Read by later cluster steps, they are stored on the cluster as one
 * data-cache entry in the task's partition, and the driver counts the reads still owed to it:
 * present elements times the consumers of the step ({@link Uses}); the entry is removed when that
 * count reaches zero (the consumer that takes a whole batch at once removes it itself). With an
 * unknown number of consumers the entry is removed once this object is garbage, i.e. no handle to it
 * is left. Read only by one gather, the results come back with the task's answer instead: storing,
 * fetching and removing them would cost three round trips for the same outcome. A batch of an
 * element-wise step can be recomputed when its entry is lost, from the {@link Recipe} it keeps while
 * reads are owed to it (with an unknown number of consumers: while it is reachable).
 */
public final class TaskResults {
    /** Where the batch is kept; {@code null} in a test of the reads owed to it. */
    private final ResultStore store;
    private final Remover remover;
    /** {@code null} when nothing is stored: the values come back with the answer, or nobody reads them. */
    private final Object key;
    private final boolean returned;
    private final int partition;
    private final int uses;
    private final AtomicInteger outstanding = new AtomicInteger();
    private final AtomicInteger gathered = new AtomicInteger();
    private volatile int present;
    private volatile boolean readable;
    private CompletableFuture<Object[]> values;
    /** The values that came back with the answer, readable without the lock; {@code null} until then, or when stored. */
    private volatile Object[] returnedValues;
    private volatile CompletableFuture<Void> removedAfterFetch;
    /** How to compute this batch again if it is lost, while reads are owed to it; {@code null} when it cannot be. */
    private volatile Recipe recipe;

    /** The batch of a task in {@code partition} of a step whose results {@code uses} describes, kept in {@code store}. */
    TaskResults(ResultStore store, int partition, Uses uses) {
        this.store = store;
        this.remover = store.remover();
        this.partition = partition;
        this.uses = uses.count();
        this.returned = uses.onlyOneGather();
        this.key = this.uses == 0 || returned ? null : store.newKey(partition);
    }

    /**
     * A batch stored under {@code key} in {@code partition} that {@code uses} cluster steps read (a known
     * number), removed through {@code remover}: for tests of the reads owed to it, without a cluster, so
     * nothing may {@link #values() fetch} it.
     */
    TaskResults(Object key, int partition, int uses, Remover remover) {
        this.store = null;
        this.remover = remover;
        this.partition = partition;
        this.uses = uses;
        this.returned = false;
        this.key = key;
    }

    /** The cache key the job stores the outcomes under, or {@code null}. */
    public Object key() {
        return key;
    }

    /** Whether the job returns the values with its answer. */
    public boolean returnsValues() {
        return returned;
    }

    public int partition() {
        return partition;
    }

    /**
     * Lets this batch be recomputed from {@code recipe} when it is lost (an element-wise step's
     * output), until every read owed to it is done: see {@link Recipe} for what that holds.
     */
    void recomputableBy(Recipe recipe) {
        this.recipe = recipe;
    }

    /** How to compute this batch again, or {@code null}: taken by the tasks that read it when they are planned. */
    Recipe recipe() {
        return recipe;
    }

    /** Whether every read owed to this stored batch is done (so nobody else will remove its entry). */
    boolean released() {
        return key != null && readable && uses != Uses.UNKNOWN && outstanding.get() == 0;
    }

    /** Whether a consumer can read this batch's elements (they were stored or returned, for someone). */
    public boolean readable() {
        return readable;
    }

    /** The task answered: takes returned values, counts the reads owed, or removes an entry nobody will read. */
    void completed(JobResult result) {
        present = result.presentCount();
        if (returned) {
            Object[] decoded = result.values(store.codec());
            synchronized (this) {
                values = CompletableFuture.completedFuture(decoded);
            }
            returnedValues = decoded;
            readable = true;
            return;
        }
        readable = result.stored();
        if (!readable) {
            return;
        }
        if (uses == Uses.UNKNOWN) {
            store.removeWhenUnreachable(this, key);
        } else if (present == 0) {
            remover.remove(key);
        } else {
            outstanding.set(present * uses);
        }
    }

    /**
     * A consumer's task reads {@code count} elements: whether that is every read owed, so that the
     * task may remove the entry itself (then no {@link #release} follows).
     */
    boolean claimAll(int count) {
        if (key != null && uses == 1 && count == present && outstanding.compareAndSet(present, 0)) {
            recipe = null;
            return true;
        }
        return false;
    }

    /** {@code count} reads were done; the removal when they were the last owed, else {@code null}. */
    CompletableFuture<Void> release(int count) {
        if (key == null || !readable || uses <= 0) {
            return null;
        }
        if (outstanding.addAndGet(-count) != 0) {
            return null;
        }
        recipe = null;
        return remover.remove(key);
    }

    /**
     * The values of this batch, for {@code gather}: returned with the answer, or fetched once for
     * every gathered element (recomputed first when it was lost, see {@link Recipe}). When a single
     * gather is the only reader of a stored batch, the entry is removed right after the fetch, while
     * the gather delivers the values.
     */
    synchronized CompletableFuture<Object[]> values() {
        if (values == null) {
            Recipe lineage = recipe;
            values = fetch().thenCompose(bytes -> bytes != null || lineage == null ? CompletableFuture.completedFuture(bytes)
                            : lineage.recompute().thenCompose(recomputed -> fetch())
                                    .whenComplete((again, error) -> lineage.read(this)))
                    .thenApply(this::decode);
            if (uses == 1 && outstanding.compareAndSet(present, 0)) {
                removedAfterFetch = values.handle((v, error) -> null).thenCompose(ignored -> remover.remove(key));
            }
        }
        return values;
    }

    /**
     * The values that came back with the task's answer, for {@code gather} to take without waiting
     * or counting reads (nobody else reads them); {@code null} when they are stored on the cluster or
     * the answer has not come yet. Any thread.
     */
    Object[] returnedValues() {
        return returnedValues;
    }

    private CompletableFuture<byte[]> fetch() {
        return store.fetch(key);
    }

    /**
     * A gather read one element: the removal of the entry when that was the last read owed (its
     * delivery waits for it, so that a drained stream leaves nothing behind), else {@code null}.
     */
    CompletableFuture<Void> gathered() {
        if (returned) {
            return null;
        }
        if (removedAfterFetch != null) {
            if (gathered.incrementAndGet() != present) {
                return null;
            }
            recipe = null;
            return removedAfterFetch;
        }
        return release(1);
    }

    private Object[] decode(byte[] bytes) {
        if (bytes == null) {
            throw new IllegalStateException("the result " + key + " is gone from " + store.cluster()
                    + ": the nodes holding it and its backup were lost");
        }
        return store.codec().<Outcomes>decode(bytes).values();
    }

    @Override
    public String toString() {
        return key != null ? "batch " + key : returned ? "returned batch" : "discarded batch";
    }
}
