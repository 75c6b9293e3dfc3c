package io.streamz.dataframe.state;

import java.io.Serializable;

/**
 * The state of a built-in reduction ({@code Frame.reduction(Statistic)}): the running moments of
 * each column reduced, one slot per column in the frame's column order. Every statistic is computed
 * from the same moments, so a state emitted for one statistic resumes any other. streamz's
 * {@code mean(start=(10, 2))} is {@code new MomentsState(new double[]{10}, new double[]{0}, new double[]{2})}.
 *
 * @param sums          sums of the values
 * @param sumsOfSquares sums of the squared values
 * @param counts        numbers of non-missing values
 */
public record MomentsState(double[] sums, double[] sumsOfSquares, double[] counts) implements Serializable {
}
