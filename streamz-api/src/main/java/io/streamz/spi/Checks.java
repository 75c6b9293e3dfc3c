package io.streamz.spi;

import java.time.Duration;

/**
 * The argument checks of every operator method, in one place for every module that builds
 * operators (the local engine, the cluster, the streaming collections): each fails when the
 * operator is built, on the caller's thread, with a message that names the argument and says what
 * it must be. For modules that extend streamz; application code checks its own arguments.
 */
public final class Checks {
    private Checks() {
    }

    /**
     * Returns {@code value}.
     *
     * @throws NullPointerException when it is {@code null}: "{@code what} must not be null"
     */
    public static <V> V notNull(V value, String what) {
        if (value == null) {
            throw new NullPointerException(what + " must not be null");
        }
        return value;
    }

    /**
     * Returns {@code value}.
     *
     * @throws IllegalArgumentException when it is below 1, saying what it was
     */
    public static int positive(int value, String what) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be at least 1, was " + value);
        }
        return value;
    }

    /**
     * Returns {@code value}.
     *
     * @throws IllegalArgumentException when it is negative, saying what it was
     */
    public static int notNegative(int value, String what) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " must not be negative, was " + value);
        }
        return value;
    }

    /**
     * Returns {@code value}.
     *
     * @throws NullPointerException     when it is {@code null}
     * @throws IllegalArgumentException when it is zero or negative, saying what it was
     */
    public static Duration positive(Duration value, String what) {
        notNull(value, what);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(what + " must be a positive duration, was " + value);
        }
        return value;
    }

    /**
     * Returns {@code value}.
     *
     * @throws NullPointerException     when it is {@code null}
     * @throws IllegalArgumentException when it is negative, saying what it was
     */
    public static Duration notNegative(Duration value, String what) {
        notNull(value, what);
        if (value.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative, was " + value);
        }
        return value;
    }
}
