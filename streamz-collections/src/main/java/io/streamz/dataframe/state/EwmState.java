package io.streamz.dataframe.state;

import java.io.Serializable;

/**
 * The state of an exponentially weighted mean ({@code Ewm.meanWithState}), per column in the
 * frame's column order: the weighted sum and the sum of weights of the values so far, and the mean
 * after the last non-missing value.
 *
 * @param weightedSums Σ w_i x_i
 * @param weights      Σ w_i
 * @param means        the current means (NaN before the first value)
 */
public record EwmState(double[] weightedSums, double[] weights, double[] means) implements Serializable {
}
