package io.streamz.dashboard;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Test support: Debian's headless chromium driven through its own chromedriver, so Selenium
 * downloads nothing, with a throw-away profile directory. Shared with other modules' browser tests
 * (the main job's, in streamz-examples) through this module's test-jar. Without chromium,
 * {@link #start()} fails when {@code CI=true} (.ci/run installs it) and skips the test otherwise.
 * Use from the test's thread; {@link #close()} quits the browser and deletes the profile.
 */
public final class HeadlessChromium implements AutoCloseable {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final WebDriver browser;
    private final Path profile;

    private HeadlessChromium(WebDriver browser, Path profile) {
        this.browser = browser;
        this.profile = profile;
    }

    /** {@link #start(int, int)} 1400 x 1300 pixels: a page of a few graphs, the cluster and a plot fits a screenshot. */
    public static HeadlessChromium start() throws IOException {
        return start(1400, 1300);
    }

    /**
     * Starts the browser with a window of {@code width} x {@code height} pixels (a screenshot shows the
     * window's viewport, a little less high).
     *
     * @throws org.opentest4j.TestAbortedException when chromium is missing and {@code CI} is not true
     * @throws org.opentest4j.AssertionFailedError when chromium is missing and {@code CI=true}
     * @throws IOException when the profile directory cannot be made
     */
    public static HeadlessChromium start(int width, int height) throws IOException {
        requireChromium();
        Path profile = Files.createTempDirectory("streamz-chromium-");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--disable-sync", "--window-size=" + width + "," + height, "--user-data-dir=" + profile);
        return new HeadlessChromium(new ChromeDriver(options), profile);
    }

    /** The Selenium driver of this browser. */
    public WebDriver driver() {
        return browser;
    }

    /**
     * The text of the first element matching {@code css} on the current page, or {@code null} when there is none.
     * Read through a script, never a held element: the dashboard redraws every second, so held ones go stale.
     */
    public String text(String css) {
        return (String) script("const e = document.querySelector(arguments[0]); return e ? e.textContent : null;", css);
    }

    /** Attribute {@code name} of the first element matching {@code css}, or {@code null} when either is missing. */
    public String attribute(String css, String name) {
        return (String) script("const e = document.querySelector(arguments[0]); return e ? e.getAttribute(arguments[1]) : null;",
                css, name);
    }

    /** How many elements match {@code css}. */
    public long count(String css) {
        return (Long) script("return document.querySelectorAll(arguments[0]).length;", css);
    }

    /**
     * Writes a PNG screenshot of the page to {@code file} (directories made) and returns it.
     *
     * @throws IOException when it cannot be written
     */
    public Path screenshot(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        return file;
    }

    private Object script(String code, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(code, arguments);
    }

    @Override
    public void close() throws IOException {
        try {
            browser.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Override
    public String toString() {
        return "headless " + CHROMIUM + " through " + CHROMEDRIVER + ", profile " + profile;
    }

    private static void requireChromium() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        String why = "Debian's chromium and chromium-driver are not installed (" + CHROMIUM + ", " + CHROMEDRIVER
                + "), so the dashboard's browser tests cannot run: apt-get install chromium chromium-driver"
                + " (.ci/run does).";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(why + " CI=true: failing instead of skipping.");
        }
        assumeTrue(false, why + " Skipped because CI is not true.");
    }
}
