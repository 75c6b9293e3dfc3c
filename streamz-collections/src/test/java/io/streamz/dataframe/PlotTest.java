package io.streamz.dataframe;

import io.streamz.Stream;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code sdf.plot()}: this module checks the columns and hands the frame to the open dashboards. */
class PlotTest {
    private static final Table EXAMPLE = Table.create(StringColumn.create("name"), IntColumn.create("x"),
            DoubleColumn.create("y"));

    /** A dashboard stand-in: what it was asked to draw. */
    private static final class Recorder implements PlotTarget {
        final List<List<String>> drawn = new ArrayList<>();

        @Override
        public void plot(Frame<?, ?> frame, List<String> columns) {
            drawn.add(columns);
        }
    }

    @Test
    void withoutADashboardModuleOnTheClasspathPlotSaysWhichModuleToAdd() {
        DataFrame frame = DataFrame.of(Stream.create(), EXAMPLE);
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> frame.plot("x"));
        assertTrue(error.getMessage().contains("io.streamz:streamz-dashboard"), error.getMessage());
    }

    @Test
    void plotDrawsInEveryOpenTargetTheNumericValueColumnsWhenNoneIsNamed() {
        Recorder first = new Recorder();
        Recorder second = new Recorder();
        PlotTargets.add(first);
        PlotTargets.add(second);
        try {
            DataFrame frame = DataFrame.of(Stream.create(), EXAMPLE);
            assertSame(frame, frame.plot());
            frame.plot("y");
            assertEquals(List.of(List.of("x", "y"), List.of("y")), first.drawn);
            assertEquals(first.drawn, second.drawn);
        } finally {
            PlotTargets.remove(first);
            PlotTargets.remove(second);
        }
    }

    @Test
    void aSeriesPlotsItsValuesInTheTargetGiven() {
        Recorder target = new Recorder();
        DataFrame.of(Stream.create(), EXAMPLE).column("y").plot(target);
        assertEquals(List.of(List.of("y")), target.drawn);
    }

    @Test
    void plottingAMissingOrNonNumericColumnFailsAtOnce() {
        Recorder target = new Recorder();
        DataFrame frame = DataFrame.of(Stream.create(), EXAMPLE);
        assertThrows(IllegalArgumentException.class, () -> frame.plot(target, "z"));
        IllegalArgumentException text = assertThrows(IllegalArgumentException.class, () -> frame.plot(target, "name"));
        assertTrue(text.getMessage().contains("plot needs numeric columns"), text.getMessage());
        assertEquals(List.of(), target.drawn);
    }
}
