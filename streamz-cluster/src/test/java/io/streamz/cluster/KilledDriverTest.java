package io.streamz.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.streamz.Stream;
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
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A driver killed with {@code kill -9} leaves nothing on the cluster: its servers remove its stored
 * results and accumulate states once its client node has left, and only its. The driver runs in a
 * child JVM ({@link DriverToKill}) that joins this test's embedded cluster.
 */
class KilledDriverTest {
    /**
     * How long after the kill the entries must be gone: the embedded servers notice a killed client
     * within 4 s (their clientFailureDetectionTimeout), wait a grace period of 5 s, then remove
     * (8.4 s and 10.2 s measured); the rest is slack for a loaded machine.
     */
    private static final long BOUND_SECONDS = 30;
    private static final long READY_SECONDS = 90;

    @RegisterExtension
    static final EmbeddedCluster CLUSTER = new EmbeddedCluster(2);

    @Test
    void aKilledDriversResultsAndStatesAreRemovedWhileALiveDriverKeepsItsOwn() throws Exception {
        IgniteCluster cluster = CLUSTER.get();
        // This JVM is the live driver: one result waits in a partition, one accumulate state.
        Stream<Integer> source = Stream.create();
        ClusterStream<Integer> scattered = source.scatter(cluster);
        List<Integer> pairSums = scattered.map((Integer x) -> x * 10).partition(2)
                .map((List<Integer> pair) -> pair.get(0) + pair.get(1)).gather().sinkToList();
        List<Integer> totals = scattered.accumulate((Integer sum, Integer x) -> sum + x, 0).gather().sinkToList();
        source.emit(1);
        await(() -> cluster.storedResults() == 1 && cluster.storedStates() == 1, 20, "the live driver's entries are stored");

        ChildDriver child = startDriverToKill(cluster, 1, 1);
        Process driver = child.process();
        try {
            awaitReady(child);
            assertTrue(cluster.storedResults() > 1, "the child's results are stored");
            assertTrue(cluster.storedStates() > 1, "the child's state is stored");

            long killed = System.nanoTime();
            driver.destroyForcibly().waitFor();
            await(() -> cluster.storedResults() == 1 && cluster.storedStates() == 1, BOUND_SECONDS,
                    "the killed driver's entries are removed, the live one's are kept");
            System.out.printf("the killed driver's entries were gone %d ms after the kill%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed));
        } finally {
            driver.destroyForcibly();
        }

        source.emit(2);
        assertEquals(List.of(30), pairSums);
        assertEquals(List.of(1, 3), totals);
    }

    /** A JVM running {@link DriverToKill} with this JVM's class path and Ignite's --add-opens flags. */
    private static ChildDriver startDriverToKill(IgniteCluster cluster, int results, int states) throws IOException {
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
        command.add(DriverToKill.class.getName());
        command.add(Integer.toString(results));
        command.add(Integer.toString(states));
        command.addAll(cluster.discoveryAddresses());
        Path log = Files.createTempFile("driver-to-kill", ".log");
        log.toFile().deleteOnExit();
        return new ChildDriver(new ProcessBuilder(command).redirectError(log.toFile()).start(), log);
    }

    /** The child JVM and the file its standard error goes to. */
    private record ChildDriver(Process process, Path log) {
        /** The end of what the child logged, for a failure message. */
        String logTail() {
            try {
                String text = Files.readString(log, StandardCharsets.UTF_8);
                return text.substring(Math.max(0, text.length() - 4_000));
            } catch (IOException e) {
                return "(its log " + log + " is unreadable: " + e.getMessage() + ")";
            }
        }
    }

    /** Waits for the child's ready line; fails with its log when it does not come. */
    private static void awaitReady(ChildDriver child) throws InterruptedException {
        Process driver = child.process();
        CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(driver.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.equals(DriverToKill.READY)) {
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            if (!ready.get(READY_SECONDS, TimeUnit.SECONDS)) {
                fail("the child driver exited before it was ready; its log:\n" + child.logTail());
            }
        } catch (ExecutionException | TimeoutException e) {
            fail("the child driver was not ready within " + READY_SECONDS + " s; its log:\n" + child.logTail(), e);
        }
    }

    /** Polls {@code condition} for up to {@code seconds}, then asserts it. */
    private static void await(BooleanSupplier condition, long seconds, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(condition.getAsBoolean(), what + " within " + seconds + " s");
    }
}
