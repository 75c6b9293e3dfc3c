package io.streamz.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.streamz.Stream;
import io.streamz.cluster.IgniteCluster;
import io.streamz.dataframe.Frame;
import io.streamz.dataframe.PlotTarget;
import io.streamz.dataframe.PlotTargets;
import io.streamz.dataframe.Series;
import io.streamz.local.internal.core.Node;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A live dashboard of this JVM's streams, served over HTTP by the JDK's own server: the page at
 * {@code /} polls {@code /api/state} every second and draws every stream graph of this JVM, or
 * those handed to {@link #show} (as {@code visualize} draws them) with per-node counts, rates, errors and elements held; the watched
 * cluster's servers, tasks, heap and CPU; the task stream; and the charts added by {@link #plot}.
 * {@code /metrics} serves the same figures as Prometheus text (see {@link StreamMeters} and
 * {@link ClusterMeters} for the metric names). While open it is a {@link PlotTarget}: a streaming
 * DataFrame's or Series' own {@code plot(...)} draws in it (and in every other open dashboard).
 *
 * <p>Security: {@link #start(int)} binds to the loopback interface only, so only this machine can
 * see the page (which shows node names and data values, and has no authentication). Serving other
 * machines is an explicit choice: {@link #start(InetAddress, int)}.
 *
 * <p>Metrics are on from start until {@link #close()}. Thread-safe.
 */
public final class Dashboard implements AutoCloseable, PlotTarget {
    private static final byte[] PAGE = page();

    private final HttpServer server;
    private final ExecutorService handlers;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final StreamMeters streamMeters;
    private final TaskStream taskStream;
    private final List<Plot> plots = new ArrayList<>();
    /** The nodes handed to {@link #show}, oldest first: only their graphs are drawn, if any. */
    private final List<Node<?>> shown = new CopyOnWriteArrayList<>();
    private volatile IgniteCluster cluster;
    private volatile ClusterMeters clusterMeters;

    private Dashboard(InetSocketAddress address) {
        try {
            server = HttpServer.create(address, 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the dashboard on " + address
                    + " (is the port taken? pass 0 for a free one): " + e.getMessage(), e);
        }
        streamMeters = StreamMeters.bindOnDemand(registry);
        taskStream = new TaskStream(() -> cluster);
        handlers = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "streamz-dashboard");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(handlers);
        server.createContext("/", exchange -> serve(exchange, "text/html; charset=utf-8", PAGE));
        server.createContext("/api/state", exchange -> serve(exchange, "application/json; charset=utf-8",
                Json.write(state()).getBytes(StandardCharsets.UTF_8)));
        server.createContext("/metrics", exchange -> serve(exchange, "text/plain; version=0.0.4; charset=utf-8",
                scrape().getBytes(StandardCharsets.UTF_8)));
        server.start();
        PlotTargets.add(this);
    }

    /**
     * Serves the dashboard on {@code port} of the loopback interface (0 picks a free port, see
     * {@link #url()}). Fails with an {@link UncheckedIOException} when the port is taken.
     */
    public static Dashboard start(int port) {
        return start(InetAddress.getLoopbackAddress(), port);
    }

    /**
     * Serves the dashboard on {@code port} of {@code address}: {@code 0.0.0.0} lets every machine
     * that reaches this one see the page and the metrics, unauthenticated. Choose it knowingly.
     */
    public static Dashboard start(InetAddress address, int port) {
        Objects.requireNonNull(address, "address (use Dashboard.start(port) for loopback)");
        return new Dashboard(new InetSocketAddress(address, port));
    }

    /** The page's address, e.g. {@code http://127.0.0.1:8787/}. */
    public String url() {
        InetSocketAddress bound = server.getAddress();
        String host = bound.getAddress().isAnyLocalAddress() ? "localhost" : bound.getAddress().getHostAddress();
        return "http://" + host + ":" + bound.getPort() + "/";
    }

    /** The registry behind {@code /metrics}: add meters of your own, or read it. */
    public MeterRegistry registry() {
        return registry;
    }

    /**
     * Draws only the graphs of {@code streams} (any node of each graph will do) from now on, instead
     * of every graph built in this JVM; call again to add more.
     */
    public Dashboard show(Stream<?>... streams) {
        for (Stream<?> stream : streams) {
            shown.add(Node.asNode(stream));
        }
        return this;
    }

    /** Shows {@code cluster} on the page and in {@code /metrics} (replacing any cluster shown before). */
    public Dashboard watch(IgniteCluster cluster) {
        Objects.requireNonNull(cluster, "cluster");
        synchronized (this) {
            if (clusterMeters != null) {
                clusterMeters.close();
            }
            this.cluster = cluster;
            clusterMeters = new ClusterMeters(registry, cluster);
        }
        return this;
    }

    /**
     * Draws a live line chart of {@code columns} of a streaming DataFrame (every numeric value column
     * when none is given) here only, a point per row, over the last {@value Plot#MAX_POINTS} rows:
     * {@code frame.plot(this, columns)}. Fails as that does on a missing or non-numeric column.
     */
    public Dashboard plot(Frame<?, ?> frame, String... columns) {
        frame.plot(this, columns);
        return this;
    }

    /** {@link #plot(Frame, String...)} of a Series: its values over time. */
    public Dashboard plot(Series series) {
        series.plot(this);
        return this;
    }

    /**
     * What {@code frame.plot(...)} calls (columns checked): adds the chart, titled with the frame's
     * stream name (or its kind) and the columns, and a sink feeding it; the chart of an updating
     * frame (a groupby result) shows its last table only. On the caller's thread.
     */
    @Override
    public void plot(Frame<?, ?> frame, List<String> columns) {
        String name = frame.stream().name();
        Plot plot = new Plot((name != null ? name : frame.getClass().getSimpleName()) + ": " + String.join(", ", columns),
                columns, frame.isUpdating());
        synchronized (plots) {
            plots.add(plot);
        }
        frame.stream().sink(plot::add);
    }

    /** Everything the page shows, as JSON-ready maps. */
    private Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("time", System.currentTimeMillis());
        state.put("graphs", GraphView.snapshot(List.copyOf(shown)));
        IgniteCluster shown = cluster;
        state.put("cluster", shown == null ? null : ClusterView.snapshot(shown));
        state.put("tasks", taskStream.snapshot());
        List<Map<String, Object>> charts = new ArrayList<>();
        synchronized (plots) {
            plots.forEach(plot -> charts.add(plot.snapshot()));
        }
        state.put("plots", charts);
        return state;
    }

    private String scrape() {
        streamMeters.refresh();
        ClusterMeters meters = clusterMeters;
        if (meters != null) {
            meters.refresh();
        }
        return registry.scrape();
    }

    private static void serve(HttpExchange exchange, String type, byte[] body) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!"GET".equals(exchange.getRequestMethod())
                    || (!path.equals("/") && !path.equals(exchange.getHttpContext().getPath()))) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static byte[] page() {
        try (InputStream in = Dashboard.class.getResourceAsStream("dashboard.html")) {
            if (in == null) {
                throw new IllegalStateException("dashboard.html is missing from the streamz-dashboard jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where it serves: {@code Dashboard at http://127.0.0.1:8787/}. */
    @Override
    public String toString() {
        return "Dashboard at " + url();
    }

    /** Stops serving, removes the meters and switches metrics off unless something else keeps them on. */
    @Override
    public void close() {
        PlotTargets.remove(this);
        server.stop(0);
        handlers.shutdownNow();
        synchronized (this) {
            if (clusterMeters != null) {
                clusterMeters.close();
            }
        }
        try {
            taskStream.close();
        } catch (Exception impossible) {
            throw new IllegalStateException(impossible);
        }
        streamMeters.close();
        registry.close();
    }
}
