package io.streamz.examples;

import io.streamz.dashboard.Dashboard;
import io.streamz.dashboard.HeadlessChromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The main job ({@link LogPipeline}, on its embedded two-server cluster, with {@code --dashboard 0})
 * seen in a real browser (Debian's headless chromium through {@link HeadlessChromium}): its graph with
 * the named steps, counts that rise, the cluster table, the task stream and the plot of lines per second. Writes the screenshot to
 * {@code -Ddashboard.screenshot=PATH}, default {@code target/main-job-dashboard.png}; the README's
 * docs/dashboard.png is made with {@code -Ddashboard.screenshot=$PWD/docs/dashboard.png}. Without
 * chromium it fails when {@code CI=true} and is skipped otherwise.
 */
class MainJobDashboardBrowserTest {
    /** Long enough for the page to show everything on a loaded machine, short enough to keep the test under ~40 s. */
    private static final int JOB_SECONDS = 15;
    private static final Duration PATIENCE = Duration.ofSeconds(JOB_SECONDS);

    private final CompletableFuture<Dashboard> dashboard = new CompletableFuture<>();
    private HeadlessChromium chromium;
    private CompletableFuture<Integer> job;

    @BeforeEach
    void startBrowserThenTheMainJob() throws Exception {
        // First: the job's run should not pay for the browser's start. Tall enough for the plot under the graph.
        chromium = HeadlessChromium.start(1400, 1600);
        JobOptions options = JobOptions.parse("--dashboard", "0", "--seconds", String.valueOf(JOB_SECONDS));
        job = CompletableFuture.supplyAsync(() -> {
            try {
                return LogPipeline.run(options, System.out, dashboard::complete);
            } catch (Exception e) {
                dashboard.completeExceptionally(e);
                throw new IllegalStateException("the main job failed", e);
            }
        });
    }

    @Test
    void pageShowsTheMainJobsGraphWithRisingCountsTheClusterItsTaskStreamAndLinesPerSecond() throws Exception {
        chromium.driver().get(dashboard.get(60, TimeUnit.SECONDS).url());
        WebDriverWait wait = new WebDriverWait(chromium.driver(), PATIENCE);

        for (String step : List.of("access.log", "gather", "per second")) {
            String node = wait.withMessage("the main job's step " + step + " to be drawn").until(page -> chromium.text(node(step)));
            assertTrue(node.contains(step), "the main job's step " + step + " is drawn with its name: " + node);
        }
        assertTrue(chromium.count("svg.graph path.edge") >= 5,
                "the job's steps are joined: source, scatter, 2 maps, buffer, gather, window, sink");
        long first = received("gather");
        wait.withMessage("gather's count to rise above " + first).until(page -> received("gather") > first);
        wait.withMessage("counted lines to reach the per-second window").until(page -> received("per second") > 0);
        wait.withMessage("a header and the 2 embedded servers in the cluster table")
                .until(page -> chromium.count("#cluster table tr") == 3);
        wait.withMessage("a task-stream row for each of the 2 servers").until(page -> chromium.count("#task-stream text.server") == 2);
        String line = "svg.plot path.plot-line[data-column='" + LogPipeline.PER_SECOND_COLUMN + "']";
        wait.withMessage("5 points (one per window) on the plot of " + LogPipeline.PER_SECOND_COLUMN)
                .until(page -> chromium.attribute(line, "data-points") != null
                        && Integer.parseInt(chromium.attribute(line, "data-points")) >= 5);

        assertEquals(null, chromium.text(node("warm-up")), "only the job's graphs, not the cluster's warm-up");

        Path screenshot = chromium.screenshot(
                Path.of(System.getProperty("dashboard.screenshot", "target/main-job-dashboard.png")));
        assertTrue(Files.size(screenshot) > 10_000, "a screenshot of the page, not a blank: " + screenshot);
        assertEquals(0, job.get(90, TimeUnit.SECONDS), "the job counted every line once while watched");
    }

    private static String node(String stream) {
        return "g.node[data-stream='" + stream + "']";
    }

    private long received(String stream) {
        String count = chromium.attribute(node(stream), "data-received");
        return count == null ? -1 : Long.parseLong(count);
    }

    @AfterEach
    void stopBrowserAndAwaitTheJob() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        if (job != null) {
            job.handle((code, failure) -> code).get(90, TimeUnit.SECONDS); // it ends by itself after JOB_SECONDS
        }
    }
}
