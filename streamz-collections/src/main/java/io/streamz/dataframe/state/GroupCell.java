package io.streamz.dataframe.state;

import java.io.Serializable;

/**
 * The moments of one key of a groupby-aggregation ({@code GroupBy.aggregateWithState}, whose state
 * maps each key, the list of its key values, to its cell): per value column the sum, sum of squares
 * and count of non-missing values, and the number of rows. A state emitted for one statistic
 * resumes any other.
 *
 * @param sums          per value column, the sum of its values
 * @param sumsOfSquares per value column, the sum of its squared values
 * @param counts        per value column, the number of its non-missing values
 * @param rows          the number of rows
 */
public record GroupCell(double[] sums, double[] sumsOfSquares, double[] counts, long rows) implements Serializable {
}
