package io.streamz.cluster.config;

import java.util.UUID;
import org.apache.ignite.binary.BinaryObject;
import org.apache.ignite.binary.BinaryObjectException;
import org.apache.ignite.cache.affinity.AffinityKey;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.lang.IgniteUuid;

/**
 * Whose an entry of the streamz caches ({@code streamz-data}, {@code streamz-state}) is, so that the
 * servers can remove what a dead driver left. The convention, written by the driver (module
 * streamz-cluster) and read by {@link DeadDriverCleaner} on the servers, which have only this module:
 * <ul>
 *   <li>every driver has an id, a random {@link UUID} chosen when its {@code IgniteCluster} starts its
 *       client node, and publishes it as the user attribute {@value #ATTRIBUTE} of that node, as a
 *       string; the attribute is part of the node's configuration, so it survives the client
 *       reconnecting under a new node id;</li>
 *   <li>every key the driver writes is an {@code AffinityKey<IgniteUuid>}: its key an {@link IgniteUuid}
 *       whose global id is the driver's id and whose local id the driver never repeats, its affinity
 *       key the partition number, which decides where the entry lies;</li>
 *   <li>except the states of a keyed accumulate, one entry per user key: a {@link KeyedStateKey} made by
 *       {@link #perKey} from such a key of the step's, with the user key's serialized form and the
 *       user key's own partition; its field {@code key} holds the step key's {@code IgniteUuid}, so it
 *       is read as an {@code AffinityKey}'s is.</li>
 * </ul>
 * Keys of any other form belong to nobody in particular and are never removed by the servers. Named
 * states ({@code ClusterStream.durable}) use these forms with an id made from the state's name in place of
 * a driver's, in the cache {@code streamz-durable-state}, which the servers never clean.
 * Thread-safe: only static functions.
 */
public final class DriverKeys {
    /** The user attribute of a driver's client node that holds the driver's id. */
    public static final String ATTRIBUTE = "streamz.driver";

    private DriverKeys() {
    }

    /** The {@code number}th key of {@code driver}, placed in {@code partition}. */
    public static AffinityKey<IgniteUuid> key(UUID driver, long number, int partition) {
        return new AffinityKey<>(new IgniteUuid(driver, number), partition);
    }

    /**
     * The key of one user key's state of a keyed accumulate: {@code step} is a key of the driver's
     * (from {@link #key}) that names the step, {@code userKey} the user key in serialized form, and
     * the entry lies in {@code partition}, the user key's.
     */
    public static KeyedStateKey perKey(AffinityKey<IgniteUuid> step, byte[] userKey, int partition) {
        return new KeyedStateKey(step.key(), userKey, partition);
    }

    /** The id of the driver whose client {@code node} is, or {@code null} when it is no driver's. */
    public static UUID driverOf(ClusterNode node) {
        Object id = node.attribute(ATTRIBUTE);
        if (!(id instanceof String text)) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    /**
     * The id of the driver that wrote {@code key}, or {@code null} when the key does not follow the
     * convention. Takes keys as a cache gives them, plain or in binary form ({@code withKeepBinary}).
     * A binary key is not deserialized, which could need classes this node lacks: its field
     * {@code key} is read instead (the servers have no binary metadata of Ignite's own
     * {@code AffinityKey}, so its type name cannot be asked), and only that field's value, an
     * {@code IgniteUuid} of Ignite's, is. Another type with such a field is safe: its value would have
     * to be an {@code IgniteUuid} holding a driver's random id.
     */
    public static UUID driverOf(Object key) {
        Object id;
        if (key instanceof AffinityKey<?> plain) {
            id = plain.key();
        } else if (key instanceof KeyedStateKey keyed) {
            id = keyed.key();
        } else if (key instanceof BinaryObject binary) {
            id = plain(binary.field("key"));
        } else {
            id = null;
        }
        return id instanceof IgniteUuid uuid ? uuid.globalId() : null;
    }

    /** {@code value}, deserialized when binary, or {@code null} when that needs a class this node lacks. */
    private static Object plain(Object value) {
        if (!(value instanceof BinaryObject binary)) {
            return value;
        }
        try {
            return binary.deserialize();
        } catch (BinaryObjectException unknownClass) {
            // Not a key of ours: one such key must not stop the removal of the others.
            return null;
        }
    }
}
