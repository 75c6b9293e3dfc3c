package io.streamz.cluster.internal.driver;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** A {@link ClusterLiveness} for tests without a node: servers seen unless {@code reconnecting}, every probe answered. */
final class TestLiveness {
    private TestLiveness() {
    }

    static ClusterLiveness of(BooleanSupplier reconnecting) {
        return new ClusterLiveness("test-cluster", Duration.ofSeconds(10), System::nanoTime, new ClusterLiveness.Signals() {
            @Override
            public boolean reconnecting() {
                return reconnecting.getAsBoolean();
            }

            @Override
            public boolean seesServers() {
                return !reconnecting.getAsBoolean();
            }

            @Override
            public long topologyVersion() {
                return 1;
            }

            @Override
            public void probe(Runnable onAnswer) {
                onAnswer.run();
            }
        });
    }
}
