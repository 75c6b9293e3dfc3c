package io.streamz.dashboard;

import io.streamz.Stream;
import io.streamz.cluster.IgniteCluster;
import io.streamz.dataframe.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page in a real browser (Debian's chromium, driven through its chromedriver, so Selenium
 * downloads nothing) while pipelines run: a local one, one on an embedded two-server cluster shaped
 * like the main job's (scatter, map, buffer, gather), and a streaming DataFrame plotted by its own
 * {@code plot(...)}. Without chromium it fails when {@code CI=true} (.ci/run
 * installs it) and is skipped otherwise ({@link HeadlessChromium}). Leaves a screenshot at
 * {@code target/dashboard.png}; the README's docs/dashboard.png is the main job's, made by
 * streamz-examples' MainJobDashboardBrowserTest.
 */
class DashboardBrowserTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final AtomicBoolean running = new AtomicBoolean(true);
    private Dashboard dashboard;
    private IgniteCluster cluster;
    private Thread clusterEmitter;
    private Random frame;
    private Thread emitter;
    private HeadlessChromium chromium;
    private WebDriver browser;

    @BeforeEach
    void startPipelineAndBrowser() throws Exception {
        chromium = HeadlessChromium.start();
        browser = chromium.driver();
        dashboard = Dashboard.start(0);
        Stream<Integer> source = Stream.create("requests");
        source.map(x -> x * 7 % 100).named("latency")
                .filter(x -> x > 10).named("slow")
                .slidingWindow(10).named("recent")
                .sink(window -> { });
        emitter = new Thread(() -> {
            for (int i = 0; running.get(); i++) {
                source.emit(i);
                if (i % 50 == 0) {
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException stop) {
                        return;
                    }
                }
            }
        }, "browser-test-emitter");
        emitter.start();
        cluster = IgniteCluster.local(2);
        dashboard.watch(cluster);
        Stream<Integer> jobs = Stream.create("jobs");
        jobs.scatter(cluster).map(x -> x + 1).buffer(16).gather().named("gathered").sink(x -> { });
        clusterEmitter = new Thread(() -> {
            for (int i = 0; running.get(); i++) {
                jobs.emit(i);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }, "browser-test-cluster-emitter");
        clusterEmitter.start();
        frame = new Random(Duration.ofMillis(20), Duration.ofMillis(200));
        frame.plot("x", "z"); // draws in every open dashboard: this one
        frame.start();
    }

    @Test
    void pageDrawsTheGraphsWithRisingAndHeldCountsTheClusterItsTasksPerServerAndADataFramePlot() throws Exception {
        browser.get(dashboard.url());
        // The page redraws every second: everything is read through one script, never a stale element.
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);

        String latency = wait.until(page -> text("g.node[data-stream='latency']"));
        assertTrue(latency.contains("<map: latency>"), "the node is labelled as visualize labels it: " + latency);
        for (String stream : List.of("requests", "slow", "recent")) {
            assertTrue(text("g.node[data-stream='" + stream + "']") != null, stream + " is drawn in the same graph");
        }
        assertTrue(count("svg.graph path.edge") >= 3, "edges are drawn");
        wait.until(page -> text("g.node[data-stream='gathered']") != null);
        wait.until(page -> count("#cluster table tr") == 3); // a header and 2 servers
        wait.until(page -> count("#task-stream text.server") == 2); // a row per server that ran tasks

        String window = "g.node[data-stream='recent']";
        wait.until(page -> "10".equals(attribute(window, "data-held")));
        assertTrue(text(window).contains("held 10"), "the sliding window shows the 10 elements it keeps: " + text(window));

        long first = Long.parseLong(attribute("g.node[data-stream='latency']", "data-received"));
        wait.until(page -> Long.parseLong(attribute("g.node[data-stream='latency']", "data-received")) > first);

        String line = "svg.plot path.plot-line[data-column='z']";
        wait.until(page -> attribute(line, "data-points") != null && Integer.parseInt(attribute(line, "data-points")) >= 10);
        assertTrue(attribute(line, "d").split("L").length >= 10, "the line has its points");

        Path screenshot = chromium.screenshot(Path.of("target/dashboard.png"));
        assertTrue(Files.size(screenshot) > 10_000, "a screenshot of the page, not a blank: " + screenshot);
    }

    private String text(String css) {
        return chromium.text(css);
    }

    private String attribute(String css, String name) {
        return chromium.attribute(css, name);
    }

    private long count(String css) {
        return chromium.count(css);
    }

    @AfterEach
    void stopEverything() throws Exception {
        running.set(false);
        if (chromium != null) {
            chromium.close();
        }
        for (Thread thread : new Thread[] {emitter, clusterEmitter}) {
            if (thread != null) {
                thread.join(30_000);
            }
        }
        if (cluster != null) {
            cluster.close();
        }
        if (frame != null) {
            frame.stop();
        }
        if (dashboard != null) {
            dashboard.close();
        }
    }
}
