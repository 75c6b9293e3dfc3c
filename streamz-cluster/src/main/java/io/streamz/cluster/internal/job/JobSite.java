package io.streamz.cluster.internal.job;

import java.util.Arrays;
import java.util.HashSet;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;

/**
 * What every job uses on the server it runs on: the data cache, the codec, its shipped function
 * decoded with the job's class loader, removing the inputs it consumes, and the loop that applies the
 * function to each element under one {@link ElementWatch}. Made and used on the job's thread.
 */
final class JobSite {

    /** The function applied to element {@code i}, recording its outcome; returns what to keep if it stands. */
    interface Element<R> {
        R apply(int i) throws Exception;
    }

    /** The function applied to element {@code i}, recording its outcome and keeping nothing else. */
    interface Outcome {
        void apply(int i) throws Exception;
    }

    /** Takes what element {@code i} returned, once its outcome stands (it neither failed nor timed out). */
    interface Kept<R> {
        void accept(int i, R result);
    }

    final Ignite ignite;
    final IgniteCache<Object, byte[]> data;
    final Codec codec;
    private final ClassLoader loader;

    /** The site of a job of class {@code job}, which the server loaded with the user's classes. */
    JobSite(Ignite ignite, Class<?> job) {
        this.ignite = ignite;
        this.loader = job.getClassLoader();
        this.data = ignite.cache(Caches.DATA);
        this.codec = new Codec(ignite, loader);
    }

    /** The cache of accumulate states named {@code cache}: {@link Caches#STATE}, or {@link Caches#DURABLE} for named ones. */
    IgniteCache<Object, byte[]> states(String cache) {
        IgniteCache<Object, byte[]> states = ignite.cache(cache);
        if (states == null) {
            // Only the named states' cache can be missing: every server restarted without persisting it.
            throw StateLostException.cacheGone(cache);
        }
        return states;
    }

    /** The user's function, deserialized here; fails as {@link ShippedOp#get} does. */
    <T> T function(ShippedOp<T> op) {
        return op.get(loader);
    }

    /** Removes the input batches the job consumes (none when {@code consumed} is empty). */
    void removeConsumed(Object[] consumed) {
        if (consumed.length > 0) {
            data.removeAll(new HashSet<>(Arrays.asList(consumed)));
        }
    }

    /**
     * Applies {@code element} to elements {@code 0..count-1} in order, each held to {@code limit} (see
     * {@link ElementWatch}, which runs {@code onAbandon} when the function ignores the interrupt); an
     * element that fails or times out has its outcome in {@code out}.
     *
     * @throws io.streamz.cluster.ClusterTaskTimeoutException when the function ignored the interrupt:
     *                                                       the job must write nothing and end
     */
    void applyEach(int count, TaskLimit limit, Runnable onAbandon, Outcomes out, Outcome element) {
        applyEach(count, limit, onAbandon, out, i -> {
            element.apply(i);
            return null;
        }, (i, nothing) -> { });
    }

    /**
     * Applies {@code element} to elements {@code 0..count-1} in order, as the other {@code applyEach},
     * and hands what each returns to {@code kept} when its outcome stands.
     */
    <R> void applyEach(int count, TaskLimit limit, Runnable onAbandon, Outcomes out, Element<R> element, Kept<R> kept) {
        try (ElementWatch watch = ElementWatch.start(limit, ignite, onAbandon)) {
            for (int i = 0; i < count; i++) {
                int index = i;
                Object[] result = new Object[1];
                if (watch.apply(i, out, () -> result[0] = element.apply(index))) {
                    @SuppressWarnings("unchecked")
                    R r = (R) result[0];
                    kept.accept(i, r);
                }
            }
        }
    }
}
