package io.streamz.dataframe;

import java.util.List;

/**
 * Where {@link Frame#plot(String...)} draws: a live chart view, such as the page of
 * {@code io.streamz.dashboard.Dashboard} (module {@code streamz-dashboard}), which joins
 * {@link PlotTargets} while it is open. Streaming collections only hand frames over, so this module
 * depends on no dashboard.
 */
public interface PlotTarget {
    /**
     * Draws a live line chart of {@code columns} of {@code frame} from now on, a point per row (by
     * adding a sink to the frame's stream). Called on the thread that called {@code plot}, with columns
     * the frame has and that are numeric (checked before).
     */
    void plot(Frame<?, ?> frame, List<String> columns);
}
