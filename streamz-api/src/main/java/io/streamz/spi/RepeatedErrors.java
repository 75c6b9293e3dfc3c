package io.streamz.spi;

import io.streamz.time.Scheduler;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;

/**
 * Keeps a burst of the same error out of the log: the first error of a kind (one source, one
 * exception class) is logged in full; later ones are only counted, and every {@code period} a
 * single line says how many there were ("... 1,234 more elements failed with
 * ClusterUnavailableException in the last 10 s"). A kind that stayed quiet for a whole period is
 * forgotten, so its next error is logged in full again. An outage that fails every element thus
 * costs one stack trace plus one line per period, not one stack trace per element.
 *
 * <p>Time comes from the {@link Scheduler} passed with each error (the stream's own, so a virtual
 * clock drives the summaries in tests); summaries are logged on that scheduler's thread. Thread-safe.
 */
public final class RepeatedErrors {
    /** How often the suppressed errors of a kind are summarised unless told otherwise. */
    public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(10);

    private final Logger log;
    private final String failed;
    private final Duration period;
    private final Map<Kind, long[]> suppressed = new HashMap<>();

    /**
     * @param log    where both the full errors and the summaries go (at WARN)
     * @param failed what failed, for the summaries, e.g. {@code "elements failed"}
     * @param period how often a summary is logged while errors of a kind keep coming
     */
    public RepeatedErrors(Logger log, String failed, Duration period) {
        this.log = Objects.requireNonNull(log, "log");
        this.failed = Objects.requireNonNull(failed, "failed");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("the summary period must be positive, was " + period);
        }
        this.period = period;
    }

    /**
     * Logs {@code message} with {@code error}'s stack trace at WARN when it is the first error of its
     * kind from {@code source} for a period, else counts it for the next summary. Returns at once.
     */
    public void warn(Object source, Scheduler clock, String message, Throwable error) {
        Kind kind = new Kind(source, error.getClass());
        synchronized (suppressed) {
            long[] count = suppressed.get(kind);
            if (count != null) {
                count[0]++;
                return;
            }
            suppressed.put(kind, new long[1]);
        }
        log.warn(message, error);
        clock.schedule(period, () -> summarise(kind, clock));
    }

    /** At the end of a period: logs the count, and watches one more period, or forgets a quiet kind. */
    private void summarise(Kind kind, Scheduler clock) {
        long count;
        synchronized (suppressed) {
            long[] counted = suppressed.get(kind);
            count = counted[0];
            if (count == 0) {
                suppressed.remove(kind);
                return;
            }
            counted[0] = 0;
        }
        log.warn(String.format("%s: %,d more %s with %s in the last %s (the first was logged in full)",
                kind.source, count, failed, kind.type.getSimpleName(), describe(period)));
        clock.schedule(period, () -> summarise(kind, clock));
    }

    private static String describe(Duration span) {
        return span.toMillis() % 1000 == 0 ? span.toSeconds() + " s" : span.toMillis() + " ms";
    }

    /** A source (by identity, as nodes are) and the class of what it threw. */
    private record Kind(Object source, Class<?> type) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Kind kind && kind.source == source && kind.type == type;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(source) * 31 + type.hashCode();
        }
    }
}
