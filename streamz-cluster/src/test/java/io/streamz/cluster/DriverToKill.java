package io.streamz.cluster;

import io.streamz.Stream;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A driver for {@link KilledDriverTest}, run in a JVM of its own: joins the cluster at the discovery
 * addresses it is given, leaves results waiting on it (in a {@code partition} that never fills) and an
 * accumulate state, prints {@value #READY} once the cluster holds more of each than the counts it is
 * given, then waits to be killed. It exits when its standard input closes, so that it never outlives
 * a test JVM that died.
 *
 * <p>Arguments: {@code resultsBefore statesBefore address...}.
 */
public final class DriverToKill {
    /** The line printed once the cluster holds this driver's entries. */
    public static final String READY = "ready";
    private static final long SETTLE_SECONDS = 60;

    private DriverToKill() {
    }

    public static void main(String[] args) throws Exception {
        int resultsBefore = Integer.parseInt(args[0]);
        int statesBefore = Integer.parseInt(args[1]);
        IgniteCluster cluster = IgniteCluster.connect(Arrays.copyOfRange(args, 2, args.length));
        leaveEntriesAndAwaitKill(cluster, resultsBefore, statesBefore);
    }

    /**
     * What {@link #main} does once connected, for drivers that connect otherwise (with TLS, say): leaves
     * results and an accumulate state on {@code cluster}, prints {@value #READY} once it holds more of
     * each than the counts given, then waits for the kill. Exits the JVM: with status 0 when standard
     * input closes, 2 when the cluster never holds the entries within a minute.
     */
    public static void leaveEntriesAndAwaitKill(IgniteCluster cluster, int resultsBefore, int statesBefore)
            throws Exception {
        Stream<Integer> source = Stream.create();
        ClusterStream<Integer> scattered = source.scatter(cluster);
        scattered.map((Integer x) -> x + 1).partition(1_000).map(List::size).gather().sink(x -> { });
        scattered.accumulate((Integer sum, Integer x) -> sum + x, 0).gather().sink(x -> { });
        for (int i = 0; i < 10; i++) {
            source.emit(i);
        }

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SETTLE_SECONDS);
        while (cluster.storedResults() <= resultsBefore || cluster.storedStates() <= statesBefore) {
            if (System.nanoTime() > deadline) {
                System.err.println("the cluster never held this driver's entries: " + cluster.storedResults()
                        + " results, " + cluster.storedStates() + " states");
                System.exit(2);
            }
            Thread.sleep(10);
        }
        System.out.println(READY);
        System.out.flush();
        while (System.in.read() >= 0) {
            // Waits for the kill; the test never writes.
        }
        System.exit(0);
    }
}
