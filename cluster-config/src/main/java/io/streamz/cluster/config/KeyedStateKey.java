package io.streamz.cluster.config;

import java.io.Serializable;
import java.util.Arrays;
import org.apache.ignite.cache.affinity.AffinityKeyMapped;
import org.apache.ignite.lang.IgniteUuid;

/**
 * The key of one key's state of a keyed accumulate (see {@link DriverKeys#perKey}): the step's own
 * driver key, the user's key in serialized form, and the partition the entry lies in. Its field
 * {@code key} holds the driver's {@link IgniteUuid}, as {@code AffinityKey}'s does, so that
 * {@link DriverKeys#driverOf(Object)} reads the owner of its binary form the same way. Immutable.
 */
public final class KeyedStateKey implements Serializable {
    private static final long serialVersionUID = 1L;

    private final IgniteUuid key;
    private final byte[] userKey;
    @AffinityKeyMapped
    private final int partition;

    KeyedStateKey(IgniteUuid key, byte[] userKey, int partition) {
        this.key = key;
        this.userKey = userKey.clone();
        this.partition = partition;
    }

    /** The step's driver key: the driver's id and a number the driver gave the step. */
    public IgniteUuid key() {
        return key;
    }

    public int partition() {
        return partition;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeyedStateKey that && key.equals(that.key) && Arrays.equals(userKey, that.userKey);
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + Arrays.hashCode(userKey);
    }

    @Override
    public String toString() {
        return "KeyedStateKey[" + key + ", " + userKey.length + " bytes, partition " + partition + "]";
    }
}
