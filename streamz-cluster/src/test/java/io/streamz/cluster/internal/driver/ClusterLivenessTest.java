package io.streamz.cluster.internal.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamz.cluster.ClusterUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The liveness watch on a fake clock and a fake link: no node, no waiting. */
class ClusterLivenessTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    /** Starts far from 0, since 0 means "never gave up". */
    private long now = 1_000 * SECOND;
    private boolean reconnecting;
    private boolean seesServers = true;
    /** The answers of the probes sent, to run when the cluster answers one. */
    private final List<Runnable> probes = new ArrayList<>();
    private final ClusterLiveness liveness = new ClusterLiveness("test-cluster", Duration.ofSeconds(10), () -> now,
            new ClusterLiveness.Signals() {
                @Override
                public boolean reconnecting() {
                    return reconnecting;
                }

                @Override
                public boolean seesServers() {
                    return seesServers;
                }

                @Override
                public long topologyVersion() {
                    return 7;
                }

                @Override
                public void probe(Runnable onAnswer) {
                    probes.add(onAnswer);
                }
            });

    private void pass(double seconds) {
        now += (long) (seconds * SECOND);
    }

    @Test
    void checksTenTimesPerTimeoutButNotMoreOftenThanEvery50Milliseconds() {
        assertEquals(SECOND, liveness.checkPeriodNanos());
        ClusterLiveness quick = new ClusterLiveness("quick", Duration.ofMillis(100), () -> now, null);
        assertEquals(TimeUnit.MILLISECONDS.toNanos(50), quick.checkPeriodNanos());
    }

    @Test
    void aClusterSilentForAQuarterOfTheTimeoutIsProbedAtMostOncePerCheckPeriod() {
        pass(2.4);
        liveness.probeIfSilent();
        assertEquals(0, probes.size(), "a cluster that answered recently is not asked");

        pass(0.1);
        liveness.probeIfSilent();
        liveness.probeIfSilent();
        assertEquals(1, probes.size());

        pass(0.9);
        liveness.probeIfSilent();
        assertEquals(1, probes.size(), "one probe per check period");
        pass(0.1);
        liveness.probeIfSilent();
        assertEquals(2, probes.size());
    }

    @Test
    void aProbeThatIsAnsweredEndsTheSilence() {
        pass(3);
        liveness.probeIfSilent();
        probes.get(0).run();

        pass(2);
        liveness.probeIfSilent();
        assertEquals(1, probes.size(), "the answer counts as the cluster's last");
    }

    @Test
    void anOldOperationGivesUpOnlyOnceTheClusterWasSilentForHalfTheTimeout() {
        pass(6);
        liveness.answered();
        pass(4);
        assertFalse(liveness.givesUp(10 * SECOND), "the cluster answered 4 s ago: the operation merely runs long");

        pass(1);
        assertTrue(liveness.givesUp(11 * SECOND));
        assertTrue(liveness.hasGivenUp(), "the others give up too");
    }

    @Test
    void aYoungOperationGivesUpAfterAWholeTimeoutOfSilenceOnlyWhenNoServerIsReachable() {
        pass(10);
        assertFalse(liveness.givesUp(0), "servers are seen: a probe may still be answered");

        seesServers = false;
        assertTrue(liveness.givesUp(0));
    }

    @Test
    void aReconnectingClientReachesNoServer() {
        assertTrue(liveness.reachable());
        reconnecting = true;
        assertFalse(liveness.reachable());
        assertTrue(liveness.disconnected());
    }

    @Test
    void onceOneOperationGaveUpTheOthersDoAtOnceUntilTheClusterAnswers() {
        pass(10);
        seesServers = false;
        assertTrue(liveness.givesUp(0));

        assertTrue(liveness.hasGivenUp());
        assertTrue(liveness.givesUp(0), "a fresh operation gives up at once");
        assertEquals(1, probes.size(), "while the cluster is asked again");

        pass(0.001);
        probes.get(0).run();
        assertFalse(liveness.hasGivenUp());
        assertFalse(liveness.givesUp(0));
    }

    @Test
    void itsFailuresNameTheClusterTheTimeoutAndWhatToDo() {
        IllegalStateException cause = new IllegalStateException("node left");
        ClusterUnavailableException unavailable = liveness.unavailable("gather", cause);
        assertEquals("test-cluster did not answer within 10.0 s (gather): no server is reachable; are its servers running?"
                + " Last error: node left", unavailable.getMessage());
        assertSame(cause, unavailable.getCause());

        assertFalse(liveness.isClosed());
        liveness.close();
        assertTrue(liveness.isClosed());
        assertEquals("test-cluster is closed: open a new cluster to run cluster streams", liveness.closedError().getMessage());
    }
}
