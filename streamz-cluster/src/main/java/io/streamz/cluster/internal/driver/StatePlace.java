package io.streamz.cluster.internal.driver;

import io.streamz.cluster.internal.job.Caches;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import org.apache.ignite.cache.affinity.AffinityKey;
import org.apache.ignite.lang.IgniteUuid;

/**
 * Where an accumulate's state lies: its key (for {@code accumulateByKey}, the step key its keys' state
 * keys are made from), the partition of that key, the cache, and the caches whose partition its tasks
 * reserve. Unnamed state: a key of this driver in {@link Caches#STATE}; named state: the name's key in
 * {@link Caches#DURABLE}. Immutable.
 *
 * @param key      the state key, an {@code AffinityKey<IgniteUuid>}
 * @param partition where {@code key} lies
 * @param cache    the cache holding the state
 * @param reserved what the state's tasks reserve their partition in
 */
record StatePlace(AffinityKey<IgniteUuid> key, int partition, String cache, List<String> reserved) {

    /** The unnamed state under {@code newKey}'s new key in {@code partition} of the unnamed states' cache. */
    @SuppressWarnings("unchecked")
    static StatePlace unnamed(IntFunction<Object> newKey, int partition) {
        return new StatePlace((AffinityKey<IgniteUuid>) newKey.apply(partition), partition, Caches.STATE, Caches.BOTH);
    }

    /** The place of the state named {@code name}. */
    static StatePlace named(NamedState name) {
        return new StatePlace(name.key(), name.partition(), Caches.DURABLE, Caches.DURABLE_ONLY);
    }

    /** Whether this is a named state, kept across drivers. */
    boolean named() {
        return Caches.DURABLE.equals(cache);
    }

    /**
     * What a task reserves its partition in now: {@link #reserved}, except for a named state whose cache
     * the cluster no longer has (servers that persist nothing came back without it), where a task mapped
     * by it would wait for ever: the data cache then, and the job reports the state lost.
     *
     * @param cacheExists whether the cluster has a cache of that name now; may throw while the client reconnects
     */
    List<String> reservedOn(Predicate<String> cacheExists) {
        if (!Caches.DURABLE.equals(cache)) {
            return reserved;
        }
        try {
            return cacheExists.test(cache) ? reserved : Caches.DATA_ONLY;
        } catch (RuntimeException disconnected) {
            return reserved;
        }
    }
}
