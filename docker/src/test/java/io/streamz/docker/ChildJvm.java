package io.streamz.docker;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@code main} class run in a JVM of its own, with this JVM's class path and the flags Failsafe's argLine gave it
 * (Ignite's {@code --add-opens} list and {@code -D} settings), as {@code KilledDriverTest} in streamz-cluster runs
 * its driver. Its standard error goes to a temporary file, shown by {@link #logTail()} in failure messages; its
 * standard output is read by {@link #awaitLine}. Its standard input stays open, so a child that exits when its input
 * closes never outlives this JVM.
 */
final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final Path log;

    private ChildJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code main} with {@code args} and a 256 MB heap; fails with an IOException if java cannot start. */
    static ChildJvm start(Class<?> main, List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (flag.startsWith("--add-opens") || flag.startsWith("-D"))
                command.add(flag);
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(args);
        Path log = Files.createTempFile(main.getSimpleName(), ".log");
        log.toFile().deleteOnExit();
        return new ChildJvm(new ProcessBuilder(command).redirectError(log.toFile()).start(), log);
    }

    /**
     * Blocks the calling thread until the child prints the line {@code line}; fails with the child's log if it exits
     * first or does not print it within {@code timeout}.
     */
    void awaitLine(String line, Duration timeout) throws InterruptedException {
        CompletableFuture<Boolean> printed = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String read = out.readLine(); read != null; read = out.readLine()) {
                    if (read.equals(line))
                        return true;
                }
                return false;
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            if (!printed.get(timeout.toMillis(), TimeUnit.MILLISECONDS))
                throw new AssertionError("The child JVM exited before it printed \"" + line + "\"; its log:\n" + logTail());
        }
        catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("The child JVM did not print \"" + line + "\" within " + timeout.toSeconds()
                + " s; its log:\n" + logTail(), e);
        }
    }

    /** SIGKILL, as {@code kill -9}: no shutdown hook runs. Returns once the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** The end of what the child wrote to its standard error. */
    String logTail() {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            return text.substring(Math.max(0, text.length() - 4_000));
        }
        catch (IOException e) {
            return "(its log " + log + " is unreadable: " + e.getMessage() + ")";
        }
    }

    /** Kills the child if it still runs. */
    @Override
    public void close() {
        process.destroyForcibly();
    }
}
