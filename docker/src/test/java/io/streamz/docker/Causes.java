package io.streamz.docker;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.IdentityHashMap;
import java.util.Map;

/** Looks into exception cause chains, as the ones Ignite builds around a remote failure. */
final class Causes {

    private Causes() {
    }

    /** The first exception of type {@code type} in {@code thrown}'s cause chain; fails the test, showing the chain, if none. */
    static <X extends Throwable> X find(Throwable thrown, Class<X> type) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = thrown; t != null && seen.put(t, true) == null; t = t.getCause()) {
            if (type.isInstance(t))
                return type.cast(t);
        }
        return fail("no " + type.getName() + " in the cause chain: " + chain(thrown), thrown);
    }

    /** {@code thrown} and its causes, one per line, with their messages. */
    static String chain(Throwable thrown) {
        StringBuilder out = new StringBuilder();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = thrown; t != null && seen.put(t, true) == null; t = t.getCause())
            out.append("\n  ").append(t);
        return out.toString();
    }
}
