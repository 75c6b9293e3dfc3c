package io.streamz.examples;

import com.google.common.util.concurrent.RateLimiter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Appends synthetic access-log lines to a file at a steady rate on a thread of its own, so the
 * example has a log that grows while it runs. Guava's {@link RateLimiter} paces the writes: bursts
 * after a pause do not matter here, unlike in {@code rateLimit}.
 */
final class LogGenerator implements AutoCloseable {
    private static final String[] PATHS = {"/api/items", "/api/users", "/api/orders", "/login", "/static/app.js"};
    private static final String[] METHODS = {"GET", "GET", "GET", "POST", "PUT"};

    private final Path file;
    private final RateLimiter pace;
    private final AtomicLong written = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    LogGenerator(Path file, double linesPerSecond) {
        this.file = file;
        this.pace = RateLimiter.create(linesPerSecond);
        this.thread = new Thread(this::run, "log-generator");
        this.thread.setDaemon(true);
    }

    LogGenerator start() {
        thread.start();
        return this;
    }

    long linesWritten() {
        return written.get();
    }

    private void run() {
        SplittableRandom random = new SplittableRandom(42);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            while (running) {
                pace.acquire();
                out.write(line(random));
                written.incrementAndGet();
                if (written.get() % 50 == 0) {
                    out.flush();
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the generated log " + file, e);
        }
    }

    private static String line(SplittableRandom random) {
        int roll = random.nextInt(100);
        int status = roll < 85 ? 200 : roll < 95 ? 404 : 500;
        return Instant.now() + " 10.0.0." + random.nextInt(1, 255) + " " + METHODS[random.nextInt(METHODS.length)]
                + " " + PATHS[random.nextInt(PATHS.length)] + " " + status + " " + random.nextInt(1, 400) + "\n";
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
    }
}
