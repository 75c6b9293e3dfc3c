package io.streamz.dataframe;

/**
 * A built-in reduction ({@code Frame.reduction}, {@code GroupBy.aggregate}), computed from the
 * running moments of a column: the sum of its values, the sum of
 * their squares and their number (missing values are skipped, as pandas and Tablesaw do). What
 * pandas gives for too few values is kept: the mean of nothing and the variance of at most
 * {@code ddof} values are NaN.
 */
public enum Statistic {
    /** The sum (0 for no values). */
    SUM,
    /** The mean. */
    MEAN,
    /** The number of non-missing values. */
    COUNT,
    /** The variance with {@code ddof} delta degrees of freedom. */
    VAR,
    /** The standard deviation with {@code ddof} delta degrees of freedom. */
    STD;

    /** Whether the statistic needs numeric values ({@code COUNT} counts values of any type). */
    public boolean numeric() {
        return this != COUNT;
    }

    /** The statistic from the moments, with {@code ddof} the delta degrees of freedom of VAR and STD. */
    public double of(double sum, double sumOfSquares, double count, int ddof) {
        switch (this) {
            case SUM:
                return sum;
            case MEAN:
                return count == 0 ? Double.NaN : sum / count;
            case COUNT:
                return count;
            case VAR:
                return variance(sum, sumOfSquares, count, ddof);
            case STD:
                return Math.sqrt(variance(sum, sumOfSquares, count, ddof));
            default:
                throw new AssertionError(this);
        }
    }

    private static double variance(double sum, double sumOfSquares, double count, int ddof) {
        if (count <= ddof) {
            return Double.NaN;
        }
        // Rounding can leave a tiny negative value where the true variance is 0; its square root
        // would be NaN.
        return Math.max(0, (sumOfSquares - sum * sum / count) / (count - ddof));
    }

    /** The name streamz gives the statistic ({@code sum}, {@code var}). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
