package io.streamz.dataframe.internal;

import io.streamz.function.FunctionEx;

import java.util.Arrays;

/**
 * Reductions of a window's non-missing values for {@link RollingWindow}, with pandas' definitions:
 * {@code NaN} for no values, sample variance with {@code ddof}, and quantiles interpolated linearly
 * between the two nearest values (numpy's default).
 */
public final class Reducers {
    private Reducers() {
    }

    /** The number of values. */
    public static FunctionEx<double[], Double> count() {
        return values -> (double) values.length;
    }

    /** The sum (0 for no values, as pandas). */
    public static FunctionEx<double[], Double> sum() {
        return values -> {
            double sum = 0;
            for (double value : values) {
                sum += value;
            }
            return sum;
        };
    }

    /** The mean. */
    public static FunctionEx<double[], Double> mean() {
        return values -> values.length == 0 ? Double.NaN : sum().apply(values) / values.length;
    }

    /** The smallest value. */
    public static FunctionEx<double[], Double> min() {
        return values -> Arrays.stream(values).min().orElse(Double.NaN);
    }

    /** The largest value. */
    public static FunctionEx<double[], Double> max() {
        return values -> Arrays.stream(values).max().orElse(Double.NaN);
    }

    /** The median. */
    public static FunctionEx<double[], Double> median() {
        return quantile(0.5);
    }

    /** The {@code q} quantile, {@code 0 <= q <= 1}, linear between the nearest values. */
    public static FunctionEx<double[], Double> quantile(double q) {
        return values -> {
            if (values.length == 0) {
                return Double.NaN;
            }
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            double position = q * (sorted.length - 1);
            int below = (int) Math.floor(position);
            int above = (int) Math.ceil(position);
            return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
        };
    }

    /** The variance with {@code ddof} delta degrees of freedom; NaN for at most {@code ddof} values. */
    public static FunctionEx<double[], Double> var(int ddof) {
        return values -> {
            if (values.length <= ddof) {
                return Double.NaN;
            }
            double mean = mean().apply(values);
            double squares = 0;
            for (double value : values) {
                squares += (value - mean) * (value - mean);
            }
            return squares / (values.length - ddof);
        };
    }

    /** The standard deviation with {@code ddof} delta degrees of freedom. */
    public static FunctionEx<double[], Double> std(int ddof) {
        return values -> Math.sqrt(var(ddof).apply(values));
    }
}
