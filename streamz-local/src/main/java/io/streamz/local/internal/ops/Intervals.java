package io.streamz.local.internal.ops;

import java.math.BigDecimal;
import java.time.Duration;

/** Durations in {@code toString()} as streamz shows its intervals: in seconds, e.g. {@code <rate_limit: 0.01>}. */
final class Intervals {
    private Intervals() {
    }

    static String seconds(Duration interval) {
        BigDecimal seconds = BigDecimal.valueOf(interval.getSeconds()).add(BigDecimal.valueOf(interval.getNano(), 9));
        return seconds.stripTrailingZeros().toPlainString();
    }
}
