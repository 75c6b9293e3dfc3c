package io.streamz.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The argument checks every module shares live in streamz-api, so a module needs no engine for them. */
class ChecksTest {
    @Test
    void aNullArgumentFailsNamingIt() {
        NullPointerException error = assertThrows(NullPointerException.class, () -> Checks.notNull(null, "map function"));

        assertEquals("map function must not be null", error.getMessage());
    }

    @Test
    void aValuePassingACheckIsReturnedAsIs() {
        Duration interval = Duration.ofMillis(5);

        assertSame(interval, Checks.positive(interval, "interval"));
        assertEquals(3, Checks.positive(3, "size"));
        assertEquals(0, Checks.notNegative(0, "history"));
    }

    @Test
    void aSizeBelowOneFailsSayingWhatItWas() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Checks.positive(0, "partition size"));

        assertEquals("partition size must be at least 1, was 0", error.getMessage());
    }

    @Test
    void aNegativeCountFails() {
        assertThrows(IllegalArgumentException.class, () -> Checks.notNegative(-1, "history"));
    }

    @Test
    void aZeroIntervalIsNotPositiveButIsNotNegative() {
        assertThrows(IllegalArgumentException.class, () -> Checks.positive(Duration.ZERO, "timed window interval"));
        assertSame(Duration.ZERO, Checks.notNegative(Duration.ZERO, "delay interval"));
        assertThrows(IllegalArgumentException.class, () -> Checks.notNegative(Duration.ofMillis(-1), "delay interval"));
        assertThrows(NullPointerException.class, () -> Checks.positive((Duration) null, "timed window interval"));
    }
}
