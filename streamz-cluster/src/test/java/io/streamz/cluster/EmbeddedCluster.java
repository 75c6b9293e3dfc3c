package io.streamz.cluster;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An embedded cluster for the tests of one class: started before the first, closed after the last.
 * Register it with {@code @RegisterExtension static final EmbeddedCluster CLUSTER = new EmbeddedCluster(2);}.
 */
final class EmbeddedCluster implements BeforeAllCallback, AfterAllCallback {
    private final int servers;
    private final IgniteClusterOptions options;
    private IgniteCluster cluster;

    EmbeddedCluster(int servers) {
        this(servers, IgniteClusterOptions.defaults());
    }

    EmbeddedCluster(int servers, IgniteClusterOptions options) {
        this.servers = servers;
        this.options = options;
    }

    /** The running cluster. */
    IgniteCluster get() {
        return cluster;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster = IgniteCluster.local(servers, options);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        cluster.close();
    }
}
