package io.streamz.dashboard;

import io.streamz.Stream;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DashboardMetricsTest {

    @Test
    void metricsEndpointCountsTheElementsThroughANamedNode() throws Exception {
        try (Dashboard dashboard = Dashboard.start(0)) {
            Stream<Integer> source = Stream.create();
            source.map(x -> x + 1).named("plus-one").sink(x -> { });
            for (int i = 0; i < 100; i++) {
                source.emit(i);
            }
            HttpResponse<String> response = Http.get(dashboard.url() + "metrics");
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
            List<PrometheusText.Sample> samples = PrometheusText.parse(response.body());
            assertEquals(100.0, PrometheusText.value(samples, "streamz_elements_received_total", "plus-one"));
            assertEquals(100.0, PrometheusText.value(samples, "streamz_elements_emitted_total", "plus-one"));
            assertEquals(0.0, PrometheusText.value(samples, "streamz_errors_total", "plus-one"));
            assertEquals(100.0, PrometheusText.value(samples, "streamz_node_time_seconds_count", "plus-one"));
        }
    }

    @Test
    void countsAGraphBuiltBeforeTheDashboardStartedFromThenOn() throws Exception {
        Stream<Integer> source = Stream.create();
        source.filter(x -> x % 2 == 0).named("evens").sink(x -> { });
        source.emit(-1);
        try (Dashboard dashboard = Dashboard.start(0)) {
            for (int i = 0; i < 10; i++) {
                source.emit(i);
            }
            List<PrometheusText.Sample> samples = PrometheusText.parse(Http.get(dashboard.url() + "metrics").body());
            assertEquals(10.0, PrometheusText.value(samples, "streamz_elements_received_total", "evens"));
            assertEquals(5.0, PrometheusText.value(samples, "streamz_elements_emitted_total", "evens"));
        }
    }

    @Test
    void metricsEndpointGaugesTheElementsThatBuffersAndWindowsHold() throws Exception {
        try (Dashboard dashboard = Dashboard.start(0)) {
            Stream<Integer> source = Stream.create();
            source.partition(4).named("held-groups").sink(x -> { });
            source.slidingWindow(3).named("held-window").sink(x -> { });
            source.collect().named("held-collect").sink(x -> { });
            CompletableFuture<Void> gate = new CompletableFuture<>();
            source.buffer(10).named("held-buffer").sinkAsync(x -> gate);
            for (int i = 0; i < 6; i++) {
                source.emit(i);
            }
            List<PrometheusText.Sample> samples = PrometheusText.parse(Http.get(dashboard.url() + "metrics").body());
            assertEquals(2.0, PrometheusText.value(samples, "streamz_elements_held", "held-groups"), "6 = one group of 4 and 2 waiting");
            assertEquals(3.0, PrometheusText.value(samples, "streamz_elements_held", "held-window"));
            assertEquals(6.0, PrometheusText.value(samples, "streamz_elements_held", "held-collect"));
            assertEquals(6.0, PrometheusText.value(samples, "streamz_elements_held", "held-buffer"), "one in the sink, 5 queued");
            gate.complete(null);
            source.destroy();
        }
    }

    @Test
    void stateEndpointDescribesTheGraphWithItsCounts() throws Exception {
        try (Dashboard dashboard = Dashboard.start(0)) {
            Stream<Integer> source = Stream.create();
            source.map(x -> x).named("state-probe").sink(x -> { });
            source.emit(1);
            String json = Http.get(dashboard.url() + "api/state").body();
            assertTrue(json.contains("\"stream\":\"state-probe\",\"operator\":\"map\",\"received\":1,\"emitted\":1"), json);
        }
    }

    @Test
    void showDrawsOnlyTheGraphsHandedToIt() throws Exception {
        try (Dashboard dashboard = Dashboard.start(0)) {
            Stream<Integer> wanted = Stream.create("wanted-graph");
            wanted.map(x -> x).sink(x -> { });
            Stream.create("other-graph").sink(x -> { });
            String everything = Http.get(dashboard.url() + "api/state").body();
            assertTrue(everything.contains("other-graph") && everything.contains("wanted-graph"), everything);
            dashboard.show(wanted);
            String shown = Http.get(dashboard.url() + "api/state").body();
            assertTrue(shown.contains("wanted-graph") && !shown.contains("other-graph"), shown);
        }
    }

    @Test
    void servesOnLoopbackOnlyByDefault() throws Exception {
        try (Dashboard dashboard = Dashboard.start(0)) {
            assertTrue(URI.create(dashboard.url()).getHost().equals(InetAddress.getLoopbackAddress().getHostAddress()),
                    dashboard.url());
            assertEquals(404, Http.get(dashboard.url() + "nothing-here").statusCode());
        }
    }
}
