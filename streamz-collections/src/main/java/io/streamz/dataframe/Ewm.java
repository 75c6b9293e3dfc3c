package io.streamz.dataframe;

import io.streamz.Accumulated;
import io.streamz.collections.Streaming;
import io.streamz.dataframe.internal.EwmMean;
import io.streamz.dataframe.internal.Windowing;
import io.streamz.dataframe.state.EwmState;

import java.util.List;

/**
 * Exponentially weighted aggregations of a streaming frame (streamz's {@code EWM}, from
 * {@code sdf.ewm(com=1)}): {@code sdf.ewm(Smoothing.com(1)).mean()}. As in streamz 0.6.4, only the
 * mean exists; pandas' {@code adjust=False} does not (streamz has no such argument).
 *
 * @param <V> what the mean emits: a one-row {@code Table} over a DataFrame, a {@code Double} over a Series
 */
public final class Ewm<V> {
    private final Frame<?, V> root;
    private final Smoothing smoothing;

    Ewm(Frame<?, V> root, Smoothing smoothing) {
        this.root = root;
        this.smoothing = smoothing;
    }

    /** The same weighting over the one column {@code name} (streamz's {@code ewm(1).x}). */
    public Ewm<Double> column(String name) {
        return new Ewm<>(root.column(name), smoothing);
    }

    /**
     * After each table, the exponentially weighted mean of each numeric value column over all rows so
     * far, at the table's last row; see {@link EwmMean} for missing values. An
     * {@code accumulateWithState}, on the emitting thread.
     */
    public Streaming<V> mean() {
        return root.aggregations().over(new Windowing.AllHistory(), meanAggregation());
    }

    /**
     * The mean, emitting after each table its state with the value (streamz's
     * {@code ewm(1, with_state=True).mean()}), from {@code start}: a state emitted earlier, or
     * {@code null} for none (streamz's {@code start=}).
     */
    public Streaming<Accumulated<EwmState, V>> meanWithState(EwmState start) {
        return root.aggregateWithState(meanAggregation(), start);
    }

    /** The mean resumed from {@code start}, a state {@link #meanWithState} emitted ({@code null}: from nothing). */
    public Streaming<V> mean(EwmState start) {
        return root.aggregate(meanAggregation(), start);
    }

    private EwmMean<V> meanAggregation() {
        List<String> columns = root.reducedColumns(Statistic.MEAN);
        return new EwmMean<>(columns, smoothing.alpha(), root.collapse(columns));
    }
}
