package io.streamz.cluster;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A driver in a JVM of its own, for tests that kill one with {@code kill -9} while the servers live in
 * the test JVM: runs a {@code main} class with this JVM's class path and Ignite's flags, its standard
 * error in a temporary file (quoted when it fails), its standard output read for the lines it announces
 * its progress with. Drivers should exit when their standard input closes, so that none outlives a
 * test JVM that died.
 */
public final class ChildDriver implements AutoCloseable {
    private final Process process;
    private final Path log;
    private final BufferedReader out;

    private ChildDriver(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Starts {@code main} with {@code args} in a new JVM (256 MB of heap). */
    public static ChildDriver start(Class<?> main, List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        // The test JVM got the root pom's flags (add-opens, Ignite's settings) through Surefire's argLine.
        for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (flag.startsWith("--add-opens") || flag.startsWith("-D")) {
                command.add(flag);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(args);
        Path log = Files.createTempFile(main.getSimpleName(), ".log");
        log.toFile().deleteOnExit();
        return new ChildDriver(new ProcessBuilder(command).redirectError(log.toFile()).start(), log);
    }

    /** The child's process. */
    public Process process() {
        return process;
    }

    /**
     * Waits for the child to print {@code line} (skipping the lines before it); fails the test with the
     * child's log when it exits first or does not within {@code seconds}.
     */
    public void awaitLine(String line, long seconds) throws InterruptedException {
        CompletableFuture<Boolean> seen = CompletableFuture.supplyAsync(() -> {
            try {
                for (String next = out.readLine(); next != null; next = out.readLine()) {
                    if (next.equals(line)) {
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            if (!seen.get(seconds, TimeUnit.SECONDS)) {
                fail("the child driver exited before it printed \"" + line + "\"; its log:\n" + logTail());
            }
        } catch (ExecutionException | TimeoutException e) {
            fail("the child driver did not print \"" + line + "\" within " + seconds + " s; its log:\n" + logTail(), e);
        }
    }

    /** Kills the child as {@code kill -9} does and waits until it is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** The end of what the child logged, for a failure message. */
    public String logTail() {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            return text.substring(Math.max(0, text.length() - 4_000));
        } catch (IOException e) {
            return "(its log " + log + " is unreadable: " + e.getMessage() + ")";
        }
    }

    /** Kills the child if it still runs. */
    @Override
    public void close() {
        process.destroyForcibly();
    }

    @Override
    public String toString() {
        return "<child driver " + process.pid() + ", log " + log + ">";
    }
}
