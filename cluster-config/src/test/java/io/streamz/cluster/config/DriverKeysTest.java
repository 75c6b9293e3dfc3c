package io.streamz.cluster.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.UUID;
import org.apache.ignite.cache.affinity.AffinityKey;
import org.apache.ignite.lang.IgniteUuid;
import org.junit.jupiter.api.Test;

class DriverKeysTest {
    private static final UUID DRIVER = UUID.randomUUID();

    @Test
    void aKeyCarriesItsDriverAndKeepsThePartitionAsItsAffinity() {
        AffinityKey<IgniteUuid> key = DriverKeys.key(DRIVER, 7, 42);

        assertEquals(DRIVER, DriverKeys.driverOf(key));
        assertEquals(Integer.valueOf(42), key.affinityKey());
    }

    @Test
    void keysOfOneDriverDifferByTheirNumber() {
        assertNotEquals(DriverKeys.key(DRIVER, 1, 3), DriverKeys.key(DRIVER, 2, 3));
    }

    @Test
    void aKeyedStateKeyCarriesItsStepsDriverAndIsOneKeyPerSerializedUserKey() {
        AffinityKey<IgniteUuid> step = DriverKeys.key(DRIVER, 9, 0);

        KeyedStateKey key = DriverKeys.perKey(step, new byte[] {1, 2}, 17);

        assertEquals(DRIVER, DriverKeys.driverOf(key));
        assertEquals(17, key.partition());
        assertEquals(key, DriverKeys.perKey(step, new byte[] {1, 2}, 17));
        assertNotEquals(key, DriverKeys.perKey(step, new byte[] {1, 3}, 17));
        assertNotEquals(key, DriverKeys.perKey(DriverKeys.key(DRIVER, 10, 0), new byte[] {1, 2}, 17));
    }

    @Test
    void keysOfAnotherFormBelongToNoDriver() {
        assertNull(DriverKeys.driverOf("streamz"));
        assertNull(DriverKeys.driverOf(new AffinityKey<>("not an IgniteUuid", 3)));
        assertNull(DriverKeys.driverOf((Object) null));
    }
}
