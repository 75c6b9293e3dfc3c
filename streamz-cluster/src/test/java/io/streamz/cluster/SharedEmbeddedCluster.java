package io.streamz.cluster;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An embedded cluster of {@code servers} servers shared by every test class of the test JVM that asks for
 * that many: started before the first such class, closed once the whole run is over (JUnit's root store),
 * so that classes whose tests leave the cluster as they found it (streams destroyed or drained, no server
 * stopped, default options) pay for one start between them, not one each. Register it with
 * {@code @RegisterExtension static final SharedEmbeddedCluster CLUSTER = new SharedEmbeddedCluster(2);}
 * and take {@link #get()} from {@code @BeforeAll} on. A class that stops servers, sets options or counts
 * nodes starts its own ({@link EmbeddedCluster}, or {@code IgniteCluster.local} in the test).
 * Used on JUnit's test thread.
 */
public final class SharedEmbeddedCluster implements BeforeAllCallback {
    private static final ExtensionContext.Namespace SHARED = ExtensionContext.Namespace.create(SharedEmbeddedCluster.class);
    private final int servers;
    private IgniteCluster cluster;

    /** The cluster of {@code servers} servers, shared with the other classes that ask for as many. */
    public SharedEmbeddedCluster(int servers) {
        this.servers = servers;
    }

    /**
     * The running cluster.
     *
     * @throws IllegalStateException before the class's tests start (the extension was not registered on a static field)
     */
    public IgniteCluster get() {
        if (cluster == null) {
            throw new IllegalStateException("no shared cluster yet: register " + this
                    + " with @RegisterExtension on a static field and call get() from @BeforeAll on");
        }
        return cluster;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // An AutoCloseable value of the root store is closed by JUnit once every class has run.
        cluster = context.getRoot().getStore(SHARED)
                .getOrComputeIfAbsent("servers " + servers, key -> IgniteCluster.local(servers), IgniteCluster.class);
    }

    @Override
    public String toString() {
        return "a shared embedded cluster of " + servers + " servers";
    }
}
