package io.streamz.cluster.internal.driver;

import io.streamz.cluster.config.DriverKeys;
import io.streamz.cluster.internal.job.Caches;
import io.streamz.cluster.internal.job.NamedStateEntries;
import io.streamz.cluster.internal.job.Sequences;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.cache.Cache;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.affinity.AffinityKey;
import org.apache.ignite.cache.query.QueryCursor;
import org.apache.ignite.cache.query.ScanQuery;
import org.apache.ignite.lang.IgniteUuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The name under which an accumulate keeps its state ({@code ClusterStream.durable}), claimed by this
 * driver. The state's keys carry an id made from the name where unnamed keys carry the driver's (see
 * {@link DriverKeys}), so a later driver finds them; they live in {@link Caches#DURABLE}, which the
 * servers' dead-driver cleaner never reads.
 *
 * <p>One driver at a time: the claim is an entry of that cache holding the claiming driver's id and a
 * run number, taken with {@code putIfAbsent}/{@code replace}. A claim held by a driver whose client
 * node is still in the topology refuses the next one; a closed or dead driver's claim is taken over
 * (a killed driver's node leaves within the servers' client failure detection, 10 s). Each claim starts
 * a new run of sequence numbers ({@link Sequences}), so elements of this run are never mistaken for
 * elements already applied by an earlier driver. Claiming blocks until the cluster answers.
 */
final class NamedState {
    private static final Logger LOG = LoggerFactory.getLogger(NamedState.class);
    private static final String CLAIM = "streamz.claim:";
    private static final int CLAIM_ATTEMPTS = 5;

    private final NamedStates states;
    private final String name;
    private final UUID nameId;
    private final long run;

    private NamedState(NamedStates states, String name, long run) {
        this.states = states;
        this.name = name;
        this.nameId = idOf(name);
        this.run = run;
    }

    /**
     * Claims {@code name} for a step of this driver.
     *
     * @throws IllegalStateException when another open step of this driver uses the name, or another
     *                               driver still in the cluster holds it, or the servers lack the
     *                               named-state cache's data region
     */
    static NamedState claim(NamedStates states, String name) {
        if (!states.names().take(name, states.waitForRemoval())) {
            throw new IllegalStateException("the state name \"" + name + "\" is used by another open stream of this driver on "
                    + states.cluster() + ": destroy() that stream first, or choose another name");
        }
        try {
            return new NamedState(states, name, takeClaim(states, name));
        } catch (RuntimeException e) {
            states.names().free(name);
            throw e;
        }
    }

    private static long takeClaim(NamedStates states, String name) {
        IgniteCache<Object, byte[]> cache = states.cache();
        UUID me = states.driver();
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            byte[] held = cache.get(CLAIM + name);
            long run = 1;
            if (held != null) {
                ByteBuffer claim = ByteBuffer.wrap(held);
                UUID owner = new UUID(claim.getLong(), claim.getLong());
                if (!owner.equals(me) && states.inCluster(owner)) {
                    throw new IllegalStateException("the state name \"" + name + "\" is held by another driver (" + owner
                            + ") still in " + states.cluster() + ": two drivers must not update one state. Close that driver "
                            + "first; if it was killed, its node leaves the cluster within the servers' client failure "
                            + "detection timeout (10 s), try again then");
                }
                run = claim.getLong() + 1;
            }
            byte[] mine = ByteBuffer.allocate(24).putLong(me.getMostSignificantBits()).putLong(me.getLeastSignificantBits())
                    .putLong(run).array();
            if (held == null ? cache.putIfAbsent(CLAIM + name, mine) : cache.replace(CLAIM + name, held, mine)) {
                return run;
            }
        }
        throw new IllegalStateException("could not claim the state name \"" + name + "\" on " + states.cluster()
                + ": other drivers claimed it at the same time " + CLAIM_ATTEMPTS + " times over; try again");
    }

    /** The id that a named state's keys carry: made from the name alone, so every driver makes the same. */
    private static UUID idOf(String name) {
        return UUID.nameUUIDFromBytes(("streamz named state " + name).getBytes(StandardCharsets.UTF_8));
    }

    /** The key of an accumulate's state, and the step key of an accumulateByKey's states (DriverKeys.perKey). */
    AffinityKey<IgniteUuid> key() {
        return DriverKeys.key(nameId, 0, partition());
    }

    /** Where the state lies (and the accumulate's tasks run): the same for every driver. */
    int partition() {
        return Math.floorMod(name.hashCode(), Caches.PARTITIONS);
    }

    /** The sequence number before this claim's first element. */
    long firstSeqBefore() {
        return Sequences.before(run);
    }

    /** The step that used the name is gone (the state stays): another step of this driver may use it. */
    void release() {
        states.names().free(name);
    }

    /**
     * Once {@code applied} completes (the step's elements are applied: a job still running would write
     * the state again), removes the state, every entry of it whoever wrote it, and the claim; then frees
     * the name, which a step built meanwhile waits for. On a callback thread; a failure is logged (the
     * entries stay, a later {@code destroy} removes them).
     */
    void destroy(CompletableFuture<Void> applied) {
        states.names().removing(name);
        applied.whenComplete((ignored, error) -> states.callbacks().execute(() -> {
            try {
                IgniteCache<Object, Object> cache = states.cache().withKeepBinary();
                Set<Object> keys = new HashSet<>();
                try (QueryCursor<Cache.Entry<Object, Object>> entries = cache.query(new ScanQuery<>(new NamedStateEntries(nameId)))) {
                    entries.forEach(entry -> keys.add(entry.getKey()));
                }
                cache.removeAll(keys);
                cache.remove(CLAIM + name);
            } catch (RuntimeException e) {
                LOG.warn("Could not remove the named state \"{}\" from {}.{}: destroy a stream of that name again to retry",
                        name, states.cluster(), Caches.DURABLE, e);
            } finally {
                release();
            }
        }));
    }

    @Override
    public String toString() {
        return "named state \"" + name + "\" (run " + run + ")";
    }
}
