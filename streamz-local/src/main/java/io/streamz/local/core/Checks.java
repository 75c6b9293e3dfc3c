package io.streamz.local.core;

import java.time.Duration;

/** Argument checks whose messages say what to do; they fail when an operator is built. */
public final class Checks {
    private Checks() {
    }

    public static <V> V notNull(V value, String what) {
        if (value == null) {
            throw new NullPointerException(what + " must not be null");
        }
        return value;
    }

    public static int positive(int value, String what) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be at least 1, was " + value);
        }
        return value;
    }

    public static int notNegative(int value, String what) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " must not be negative, was " + value);
        }
        return value;
    }

    public static Duration positive(Duration value, String what) {
        notNull(value, what);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(what + " must be a positive duration, was " + value);
        }
        return value;
    }

    public static Duration notNegative(Duration value, String what) {
        notNull(value, what);
        if (value.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative, was " + value);
        }
        return value;
    }
}
