package io.streamz.docker;

import io.streamz.cluster.IgniteCluster;

/**
 * One {@link DockerCluster} and its joined driver, shared by the tests of a class that leave the cluster as they found
 * it. Started by the class's first test ({@link #join()} from a {@code @BeforeEach}) rather than in
 * {@code @BeforeAll}: a skip there (no Docker, CI unset) is reported as zero tests and no reason; here every test
 * shows why it was skipped. A failed start is not retried per test: every later test fails with the same error.
 * Closed from the class's {@code @AfterAll}. Used on JUnit's test thread only.
 */
final class SharedCluster implements AutoCloseable {
    private final int servers;
    private DockerCluster containers;
    private IgniteCluster driver;
    private Throwable startFailure;

    /** A cluster of {@code servers} server containers, not started yet. */
    SharedCluster(int servers) {
        this.servers = servers;
    }

    /**
     * Starts the containers and joins the driver on the first call; then does nothing.
     *
     * @throws Throwable what the first start failed with, at this call and every later one
     */
    void join() throws Throwable {
        if (startFailure != null)
            throw startFailure;
        if (driver != null)
            return;
        try {
            containers = DockerCluster.start(servers);
            driver = containers.connect();
        }
        catch (RuntimeException | Error e) {
            startFailure = e;
            throw e;
        }
    }

    /** The server containers; {@code null} before {@link #join()} succeeded. */
    DockerCluster containers() {
        return containers;
    }

    /** The test JVM joined as the driver; {@code null} before {@link #join()} succeeded. */
    IgniteCluster driver() {
        return driver;
    }

    /** Leaves the cluster and removes the containers, whichever of them were started. */
    @Override
    public void close() {
        try {
            if (driver != null)
                driver.close();
        }
        finally {
            if (containers != null)
                containers.close();
        }
    }
}
