package io.streamz.cluster.internal.driver;

import io.streamz.cluster.internal.job.JobResult;
import java.util.Collection;
import org.apache.ignite.lang.IgniteCallable;
import org.apache.ignite.lang.IgniteFuture;

/**
 * What sending a step's task asks of the Ignite client node: the affinity call that runs a job where a
 * partition lies, and whether a cache the job would reserve exists. An interface so that a test
 * answers the jobs itself, without a cluster. Called on any thread.
 */
interface TaskTarget {
    /**
     * Runs {@code job} on the primary node of {@code partition}, which keeps that partition of
     * {@code caches} there while it runs (Ignite's {@code affinityCallAsync}).
     */
    IgniteFuture<JobResult> call(Collection<String> caches, int partition, IgniteCallable<JobResult> job);

    /**
     * Whether the cluster has the cache {@code name} now.
     *
     * @throws RuntimeException when the client cannot tell (it is reconnecting)
     */
    boolean hasCache(String name);
}
