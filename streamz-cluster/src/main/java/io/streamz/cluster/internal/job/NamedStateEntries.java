package io.streamz.cluster.internal.job;

import io.streamz.cluster.config.DriverKeys;
import java.util.UUID;
import org.apache.ignite.lang.IgniteBiPredicate;

/**
 * Picks, in a scan of {@link Caches#DURABLE} on the servers, the entries of one named state: those
 * whose key carries the name's id where an unnamed key carries its driver's (see
 * {@link DriverKeys#driverOf(Object)}), the state of an {@code accumulate} or each key's state of an
 * {@code accumulateByKey}, whichever driver wrote them. Takes keys in binary form.
 */
public final class NamedStateEntries implements IgniteBiPredicate<Object, Object> {
    private static final long serialVersionUID = 1L;

    private final UUID nameId;

    public NamedStateEntries(UUID nameId) {
        this.nameId = nameId;
    }

    @Override
    public boolean apply(Object key, Object value) {
        return nameId.equals(DriverKeys.driverOf(key));
    }

    @Override
    public String toString() {
        return "NamedStateEntries[" + nameId + "]";
    }
}
