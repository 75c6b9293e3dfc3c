package io.streamz.dashboard;

import io.streamz.Stream;
import io.streamz.dataframe.DataFrame;
import io.streamz.dataframe.Series;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DashboardPlotTest {

    @Test
    void plotOfADataFrameKeepsAPointPerRowOfTheChosenNumericColumns() throws Exception {
        try (Dashboard dashboard = Dashboard.start(0)) {
            Stream<Table> tables = Stream.create("prices");
            DataFrame frame = DataFrame.of(tables, table(new double[0], new double[0]));
            dashboard.plot(frame, "price");
            tables.emit(table(new double[] {1.5, 2.5}, new double[] {10, 20}));
            tables.emit(table(new double[] {3.5}, new double[] {30}));
            String json = Http.get(dashboard.url() + "api/state").body();
            assertTrue(json.contains("\"title\":\"prices: price\",\"lines\":{\"price\":[[0.0,1.5],[1.0,2.5],[2.0,3.5]]}"), json);
            assertFalse(json.contains("\"volume\":["), "only the columns asked for: " + json);
        }
    }

    @Test
    void plotOfASeriesDrawsItsValues() throws Exception {
        try (Dashboard dashboard = Dashboard.start(0)) {
            Stream<Table> tables = Stream.create();
            Series volume = DataFrame.of(tables, table(new double[0], new double[0])).column("volume");
            dashboard.plot(volume);
            tables.emit(table(new double[] {1, 2}, new double[] {20.5, 21.0}));
            String json = Http.get(dashboard.url() + "api/state").body();
            assertTrue(json.contains("\"lines\":{\"volume\":[[0.0,20.5],[1.0,21.0]]}"), json);
        }
    }

    @Test
    void aFramesOwnPlotDrawsInEveryOpenDashboard() throws Exception {
        try (Dashboard first = Dashboard.start(0); Dashboard second = Dashboard.start(0)) {
            Stream<Table> tables = Stream.create("quotes");
            DataFrame.of(tables, table(new double[0], new double[0])).plot("price", "volume");
            tables.emit(table(new double[] {1.5}, new double[] {10}));
            for (Dashboard dashboard : new Dashboard[] {first, second}) {
                String json = Http.get(dashboard.url() + "api/state").body();
                assertTrue(json.contains("\"title\":\"quotes: price, volume\",\"lines\":{\"price\":[[0.0,1.5]],\"volume\":[[0.0,10.0]]}"),
                        dashboard + ": " + json);
            }
        }
    }

    @Test
    void plotOfAnUpdatingFrameDrawsItsLastResultOnly() throws Exception {
        try (Dashboard dashboard = Dashboard.start(0)) {
            Stream<Table> tables = Stream.create();
            Series totals = DataFrame.of(tables, table(new double[0], new double[0])).groupby("name").column("volume").sum();
            totals.plot(dashboard);
            tables.emit(table(new double[] {1, 2}, new double[] {10, 20}));
            tables.emit(table(new double[] {3}, new double[] {30}));
            String json = Http.get(dashboard.url() + "api/state").body();
            assertTrue(json.contains("\"lines\":{\"volume\":[[0.0,60.0]]}"), "the running total, not its history: " + json);
        }
    }

    @Test
    void plotWithNoDashboardOpenSaysToStartOne() {
        Series volume = DataFrame.of(Stream.create(), table(new double[0], new double[0])).column("volume");
        IllegalStateException error = assertThrows(IllegalStateException.class, volume::plot);
        assertTrue(error.getMessage().contains("Dashboard.start(port)"), error.getMessage());
    }

    private static Table table(double[] prices, double[] volumes) {
        String[] names = new String[prices.length];
        java.util.Arrays.fill(names, "acme");
        return Table.create(StringColumn.create("name", names), DoubleColumn.create("price", prices),
                DoubleColumn.create("volume", volumes));
    }
}
