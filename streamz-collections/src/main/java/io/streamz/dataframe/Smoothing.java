package io.streamz.dataframe;

import java.io.Serializable;

/**
 * How fast an exponentially weighted mean forgets (the {@code com}, {@code span}, {@code halflife}
 * or {@code alpha} of streamz's and pandas' {@code ewm}), held as the smoothing factor
 * {@code alpha}: the weight of a value {@code k} rows back is {@code (1 - alpha)^k}.
 * {@code sdf.ewm(Smoothing.span(10)).mean()}. Java's factories replace pandas' keyword arguments,
 * so giving two of them or none, which streamz rejects, cannot be written.
 *
 * @param alpha the smoothing factor, {@code 0 < alpha <= 1}
 */
public record Smoothing(double alpha) implements Serializable {
    /**
     * Checks the factor.
     *
     * @throws IllegalArgumentException unless {@code 0 < alpha <= 1}
     */
    public Smoothing {
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must satisfy: 0 < alpha <= 1, was " + alpha);
        }
    }

    /** By the factor itself, {@code 0 < alpha <= 1}. */
    public static Smoothing alpha(double alpha) {
        return new Smoothing(alpha);
    }

    /** By the center of mass {@code com >= 0}: {@code alpha = 1 / (1 + com)} (streamz's {@code ewm(1)}). */
    public static Smoothing com(double com) {
        if (!(com >= 0)) {
            throw new IllegalArgumentException("com must satisfy: com >= 0, was " + com);
        }
        return new Smoothing(1 / (1 + com));
    }

    /** By the span {@code span >= 1}: {@code alpha = 2 / (span + 1)}. */
    public static Smoothing span(double span) {
        if (!(span >= 1)) {
            throw new IllegalArgumentException("span must satisfy: span >= 1, was " + span);
        }
        return new Smoothing(2 / (span + 1));
    }

    /** By the half-life in rows {@code halflife > 0}: {@code alpha = 1 - exp(ln(0.5) / halflife)}. */
    public static Smoothing halflife(double halflife) {
        if (!(halflife > 0)) {
            throw new IllegalArgumentException("halflife must satisfy: halflife > 0, was " + halflife);
        }
        return new Smoothing(1 - Math.exp(Math.log(0.5) / halflife));
    }
}
