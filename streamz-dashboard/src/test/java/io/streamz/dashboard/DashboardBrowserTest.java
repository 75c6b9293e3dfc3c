package io.streamz.dashboard;

import io.streamz.Stream;
import io.streamz.dataframe.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The page in a real browser (Debian's chromium, driven through its chromedriver, so Selenium
 * downloads nothing) while a pipeline runs. Without chromium it fails when {@code CI=true} (.ci/run
 * installs it) and is skipped otherwise. Leaves a screenshot at {@code target/dashboard.png}, or at
 * {@code -Ddashboard.screenshot=PATH} (how the README's docs/dashboard.png is made).
 */
class DashboardBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final AtomicBoolean running = new AtomicBoolean(true);
    private Dashboard dashboard;
    private Random frame;
    private Thread emitter;
    private WebDriver browser;
    private Path profile;

    @BeforeEach
    void startPipelineAndBrowser() throws Exception {
        requireChromium();
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
        frame = new Random(Duration.ofMillis(20), Duration.ofMillis(200));
        dashboard.plot(frame, "x", "z");
        frame.start();

        profile = Files.createTempDirectory("streamz-chromium-");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--disable-sync", "--window-size=1400,1100", "--user-data-dir=" + profile);
        browser = new ChromeDriver(options);
    }

    @Test
    void pageDrawsTheGraphWithRisingCountsAndADataFramePlot() throws Exception {
        browser.get(dashboard.url());
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);

        WebElement latency = wait.until(page -> page.findElement(By.cssSelector("g.node[data-stream='latency']")));
        assertTrue(latency.getText().contains("<map: latency>"), "the node is labelled as visualize labels it: " + latency.getText());
        for (String stream : List.of("requests", "slow", "recent")) {
            assertTrue(!browser.findElements(By.cssSelector("g.node[data-stream='" + stream + "']")).isEmpty(),
                    stream + " is drawn in the same graph");
        }
        assertTrue(browser.findElements(By.cssSelector("svg.graph path.edge")).size() >= 3, "edges are drawn");

        long first = received(browser);
        wait.until(page -> received(page) > first);

        WebElement line = wait.until(page -> page.findElement(By.cssSelector("svg.plot path.plot-line[data-column='z']")));
        wait.until(page -> Integer.parseInt(line(page).getAttribute("data-points")) >= 10);
        assertTrue(line(browser).getAttribute("d").split("L").length >= 10, "the line has its points");

        Path screenshot = Path.of(System.getProperty("dashboard.screenshot", "target/dashboard.png"));
        Files.createDirectories(screenshot.toAbsolutePath().getParent());
        Files.write(screenshot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        assertTrue(Files.size(screenshot) > 10_000, "a screenshot of the page, not a blank: " + screenshot);
    }

    private static long received(WebDriver page) {
        return Long.parseLong(page.findElement(By.cssSelector("g.node[data-stream='latency']")).getAttribute("data-received"));
    }

    private static WebElement line(WebDriver page) {
        return page.findElement(By.cssSelector("svg.plot path.plot-line[data-column='z']"));
    }

    @AfterEach
    void stopEverything() throws Exception {
        running.set(false);
        if (browser != null) {
            browser.quit();
        }
        if (emitter != null) {
            emitter.join(10_000);
        }
        if (frame != null) {
            frame.stop();
        }
        if (dashboard != null) {
            dashboard.close();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static void requireChromium() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        String why = "Debian's chromium and chromium-driver are not installed (" + CHROMIUM + ", " + CHROMEDRIVER
                + "), so the dashboard's browser test cannot run: apt-get install chromium chromium-driver"
                + " (.ci/run does).";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(why + " CI=true: failing instead of skipping.");
        }
        assumeTrue(false, why + " Skipped because CI is not true.");
    }
}
