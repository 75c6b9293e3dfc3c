package io.streamz.docker;

import io.streamz.cluster.DriverToKill;
import io.streamz.cluster.IgniteCluster;
import io.streamz.cluster.IgniteClusterOptions;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A driver for {@link KilledDriverIT}, run in a {@code ChildDriver} (streamz-cluster's test-jar): joins the Docker cluster with TLS, then does what
 * {@link DriverToKill} does: leaves results and an accumulate state on it, prints {@value #READY} once the cluster
 * holds more of each than the counts it is given, and waits to be killed (or for its standard input to close).
 *
 * <p>Arguments: {@code tlsDirectory resultsBefore statesBefore address...}.
 */
public final class TlsDriverToKill {

    static final String READY = DriverToKill.READY;

    private TlsDriverToKill() {
    }

    public static void main(String[] args) throws Exception {
        Path tls = Path.of(args[0]);
        int resultsBefore = Integer.parseInt(args[1]);
        int statesBefore = Integer.parseInt(args[2]);
        IgniteCluster cluster = IgniteCluster.connect(IgniteClusterOptions.defaults().withTls(tls),
            Arrays.copyOfRange(args, 3, args.length));
        DriverToKill.leaveEntriesAndAwaitKill(cluster, resultsBefore, statesBefore);
    }
}
