package io.streamz.docker;

import io.streamz.Stream;
import io.streamz.cluster.ClusterStream;
import io.streamz.cluster.IgniteCluster;
import io.streamz.cluster.IgniteClusterOptions;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A driver for {@link KilledDriverIT}, run in a {@link ChildJvm}: joins the Docker cluster with TLS, leaves results
 * waiting on it (in a {@code partition} that never fills) and an accumulate state, prints {@value #READY} once the
 * cluster holds more of each than the counts it is given, then waits to be killed. It exits when its standard input
 * closes, so that it never outlives a test JVM that died.
 *
 * <p>Arguments: {@code tlsDirectory resultsBefore statesBefore address...}.
 */
public final class TlsDriverToKill {

    static final String READY = "ready";
    private static final long SETTLE_SECONDS = 60;

    private TlsDriverToKill() {
    }

    public static void main(String[] args) throws Exception {
        Path tls = Path.of(args[0]);
        int resultsBefore = Integer.parseInt(args[1]);
        int statesBefore = Integer.parseInt(args[2]);
        IgniteCluster cluster = IgniteCluster.connect(IgniteClusterOptions.defaults().withTls(tls),
            Arrays.copyOfRange(args, 3, args.length));

        Stream<Integer> source = Stream.create();
        ClusterStream<Integer> scattered = source.scatter(cluster);
        scattered.map((Integer x) -> x + 1).partition(1_000).map(List::size).gather().sink(x -> { });
        scattered.accumulate((Integer sum, Integer x) -> sum + x, 0).gather().sink(x -> { });
        for (int i = 0; i < 10; i++)
            source.emit(i);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SETTLE_SECONDS);
        while (cluster.storedResults() <= resultsBefore || cluster.storedStates() <= statesBefore) {
            if (System.nanoTime() > deadline) {
                System.err.println("The cluster never held this driver's entries: " + cluster.storedResults()
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
