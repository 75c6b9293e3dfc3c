package io.streamz.cluster.config;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import javax.cache.Cache;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.CachePeekMode;

/**
 * Removes the entries one driver wrote ({@link DriverKeys}) from the partitions this node is primary
 * for. Every server doing so covers the whole cluster, each entry is removed once, by its primary
 * (with its backup), and no entry crosses the network to be looked at. Keys are read in binary form,
 * so no class of the driver's is needed. Runs on the caller's thread and blocks it while removing.
 */
final class DriverEntries {
    /** Keys removed per call: bounded so that one removal does not hold many entries at once. */
    static final int REMOVAL_BATCH = 1_000;

    private DriverEntries() {
    }

    /**
     * Removes {@code driver}'s entries from this node's primary partitions of cache {@code name}, and
     * returns how many it removed; 0 when the cache does not exist (no driver has created it yet).
     */
    static int removeLocalPrimaries(Ignite ignite, String name, UUID driver) {
        IgniteCache<Object, Object> plain = ignite.cache(name);
        if (plain == null) {
            return 0;
        }
        IgniteCache<Object, Object> cache = plain.withKeepBinary();
        int removed = 0;
        Set<Object> batch = new HashSet<>();
        for (Cache.Entry<Object, Object> entry : cache.localEntries(CachePeekMode.PRIMARY)) {
            if (driver.equals(DriverKeys.driverOf(entry.getKey()))) {
                batch.add(entry.getKey());
            }
            if (batch.size() == REMOVAL_BATCH) {
                removed += remove(cache, batch);
            }
        }
        return removed + remove(cache, batch);
    }

    private static int remove(IgniteCache<Object, Object> cache, Set<Object> keys) {
        int count = keys.size();
        if (count > 0) {
            cache.removeAll(keys);
            keys.clear();
        }
        return count;
    }
}
