package io.streamz.dataframe;

import io.streamz.collections.Streaming;
import io.streamz.dataframe.ops.EwmMean;
import io.streamz.dataframe.ops.Statistic;
import io.streamz.dataframe.ops.Windowing;

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
        List<String> columns = root.reducedColumns(Statistic.MEAN);
        return root.aggregateOver(new Windowing.AllHistory(),
                new EwmMean<>(columns, smoothing.alpha(), root.collapse(columns)));
    }
}
