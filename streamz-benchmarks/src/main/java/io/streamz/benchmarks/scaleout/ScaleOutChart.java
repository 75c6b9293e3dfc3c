package io.streamz.benchmarks.scaleout;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The scale-out figures as a PNG line chart (JFreeChart): elements/s against the number of servers, one solid
 * line per workload and, dashed in the same colour, what it would do if it grew in proportion to the servers
 * from its smallest cluster.
 */
final class ScaleOutChart {
    private static final Paint[] COLOURS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c)};
    private static final int WIDTH = 800;
    private static final int HEIGHT = 500;

    private ScaleOutChart() {
    }

    /**
     * Draws {@code measurements} titled {@code title} into {@code png} (800 × 500), creating its folder.
     * Needs no display: it sets {@code java.awt.headless} when nobody set it.
     *
     * @throws IOException when the file cannot be written
     */
    static void write(List<Measurement> measurements, String title, Path png) throws IOException {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        XYSeriesCollection data = new XYSeriesCollection();
        Map<String, List<Measurement>> byWorkload = new LinkedHashMap<>();
        for (Measurement m : measurements) {
            byWorkload.computeIfAbsent(m.workload(), w -> new ArrayList<>()).add(m);
        }
        for (Map.Entry<String, List<Measurement>> workload : byWorkload.entrySet()) {
            XYSeries measured = new XYSeries(workload.getKey());
            XYSeries linear = new XYSeries(workload.getKey() + ", linear from the smallest cluster");
            Measurement base = workload.getValue().stream().min(Comparator.comparingInt(Measurement::servers)).orElseThrow();
            for (Measurement m : workload.getValue()) {
                measured.add(m.servers(), m.elementsPerSecond());
                linear.add(m.servers(), base.elementsPerSecond() * m.servers() / base.servers());
            }
            data.addSeries(measured);
            data.addSeries(linear);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, "server containers", "elements/s", data,
                PlotOrientation.VERTICAL, true, false, false);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        style(chart.getXYPlot(), data.getSeriesCount());
        if (png.toAbsolutePath().getParent() != null) {
            Files.createDirectories(png.toAbsolutePath().getParent());
        }
        ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
    }

    // Series come in pairs (measured, linear): one colour per pair, the linear one dashed without points.
    private static void style(XYPlot plot, int series) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.getDomainAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        for (int i = 0; i < series; i++) {
            Paint colour = COLOURS[(i / 2) % COLOURS.length];
            renderer.setSeriesPaint(i, colour);
            boolean linear = i % 2 == 1;
            renderer.setSeriesShapesVisible(i, !linear);
            renderer.setSeriesStroke(i, linear
                    ? new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f)
                    : new BasicStroke(2.5f));
        }
        plot.setRenderer(renderer);
    }
}
