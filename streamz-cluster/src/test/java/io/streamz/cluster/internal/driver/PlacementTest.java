package io.streamz.cluster.internal.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamz.cluster.internal.job.Caches;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class PlacementTest {
    private static final int THREADS = 4;
    private static final UUID A = new UUID(0, 1);
    private static final UUID B = new UUID(0, 2);
    private static final UUID C = new UUID(0, 3);

    private final FakeTopology topology = new FakeTopology();
    private final Queue<Runnable> callbacks = new ArrayDeque<>();
    private final Placement placement = new Placement(topology, THREADS, callbacks::add);

    /** The partitions dealt round-robin over {@code servers}, in the order given, as a new topology version. */
    private static final class FakeTopology implements Placement.Topology {
        long version;
        UUID[] primaries = new UUID[Caches.PARTITIONS];
        boolean reconnecting;

        void deal(UUID... servers) {
            primaries = new UUID[Caches.PARTITIONS];
            for (int p = 0; servers.length > 0 && p < primaries.length; p++) {
                primaries[p] = servers[p % servers.length];
            }
            version++;
        }

        @Override
        public long version() {
            if (reconnecting) {
                throw new IllegalStateException("the client is reconnecting");
            }
            return version;
        }

        @Override
        public UUID[] primaries() {
            return primaries.clone();
        }
    }

    @Test
    void aPartitionsPrimaryFollowsTheTopologyWhenItsVersionChanges() {
        topology.deal(A, B);
        assertEquals(A, placement.primary(0));
        assertEquals(B, placement.primary(1));

        topology.deal(B, A);

        assertEquals(B, placement.primary(0));
        assertEquals(A, placement.primary(1));
    }

    @Test
    void thePartitionMapIsKeptWhileTheVersionStaysAndDroppedByForget() {
        topology.deal(A, B);
        assertEquals(A, placement.primary(0));
        topology.primaries[0] = C; // the same version number, e.g. after the client reconnected to new servers

        assertEquals(A, placement.primary(0), "not asked again while the version stays");
        placement.forget();
        assertEquals(C, placement.primary(0));
    }

    @Test
    void consecutiveSlotsGoToTheServersInTheOrderOfTheirIds() {
        topology.deal(C, A, B);

        assertEquals(A, placement.primary(placement.partitionForSlot(0)));
        assertEquals(B, placement.primary(placement.partitionForSlot(1)));
        assertEquals(C, placement.primary(placement.partitionForSlot(2)));
        assertEquals(A, placement.primary(placement.partitionForSlot(3)));
        assertEquals(C, placement.primary(placement.partitionForSlot(-1)), "a negative slot counts from the end");
    }

    @Test
    void slotsAsManyServersApartGetDifferentPartitionsOfOneServer() {
        topology.deal(A, B, C);
        Set<Integer> partitions = new HashSet<>();
        for (int slot = 0; slot < 30; slot += 3) {
            int partition = placement.partitionForSlot(slot);
            assertEquals(A, placement.primary(partition));
            partitions.add(partition);
        }

        assertEquals(10, partitions.size());
    }

    @Test
    void aSlotKeepsItsPartitionWhileTheTopologyStays() {
        topology.deal(A, B, C);
        int first = placement.partitionForSlot(7);

        assertEquals(first, placement.partitionForSlot(7));
    }

    @Test
    void theSlotsOfAServerThatLeftMoveToTheOthers() {
        topology.deal(A, B, C);
        List<Integer> slotsOfB = new ArrayList<>();
        for (int slot = 0; slot < 12; slot++) {
            if (B.equals(placement.primary(placement.partitionForSlot(slot)))) {
                slotsOfB.add(slot);
            }
        }

        topology.deal(A, C);

        for (int slot : slotsOfB) {
            UUID server = placement.primary(placement.partitionForSlot(slot));
            assertTrue(A.equals(server) || C.equals(server), "slot " + slot + " went to " + server);
        }
    }

    @Test
    void withNoServerEveryCallStillGivesAPartitionForTheTaskToFailOverOrTimeOut() {
        topology.deal();

        assertNull(placement.primary(0));
        int forSlot = placement.partitionForSlot(-5);
        assertTrue(forSlot >= 0 && forSlot < Caches.PARTITIONS, "partition " + forSlot);
        int leastLoaded = placement.partitionOnLeastLoadedServer();
        assertTrue(leastLoaded >= 0 && leastLoaded < Caches.PARTITIONS, "partition " + leastLoaded);
        assertEquals(THREADS, placement.totalThreads(), "at least one server's threads, to keep tasks going");
    }

    @Test
    void whileTheClientReconnectsTheLastKnownMapIsUsed() {
        topology.deal(A, B);
        assertEquals(A, placement.primary(0));
        topology.reconnecting = true;

        assertEquals(A, placement.primary(0));
        assertEquals(2 * THREADS, placement.totalThreads());
    }

    @Test
    void aClientReconnectingBeforeItKnewAnyMapSeesNoServer() {
        topology.reconnecting = true;

        assertNull(placement.primary(3));
        assertEquals(THREADS, placement.totalThreads());
    }

    @Test
    void aTaskFromTheDriverGoesToTheServerWithTheFewestTasksInFlight() {
        topology.deal(A, B, C);
        placement.started(A);
        placement.started(A);
        placement.started(B);

        assertEquals(C, placement.primary(placement.partitionOnLeastLoadedServer()));

        placement.started(C);
        placement.started(C);
        placement.finished(A);
        placement.finished(A);
        assertEquals(A, placement.primary(placement.partitionOnLeastLoadedServer()));
    }

    @Test
    void serversEquallyLoadedTakeTurns() {
        topology.deal(A, B, C);
        Set<UUID> chosen = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            chosen.add(placement.primary(placement.partitionOnLeastLoadedServer()));
        }

        assertEquals(Set.of(A, B, C), chosen);
    }

    @Test
    void totalThreadsCountsTheThreadsOfEveryServer() {
        topology.deal(A, B, C);

        assertEquals(3 * THREADS, placement.totalThreads());
    }

    @Test
    void theTasksOfOneServerAreSentInOrderAndAServerThatHoldsUpItsSendsHoldsUpNoOther() {
        topology.deal(A, B);
        List<String> sent = new ArrayList<>();
        Executor toA = placement.sender(0);
        Executor toB = placement.sender(1);

        toA.execute(() -> sent.add("a1"));
        toA.execute(() -> sent.add("a2"));
        toB.execute(() -> sent.add("b1"));
        assertEquals(2, callbacks.size(), "one callback thread per server at a time");

        List<Runnable> workers = new ArrayList<>(callbacks);
        callbacks.clear();
        workers.get(1).run(); // B's, while A's send is still stuck
        assertEquals(List.of("b1"), sent);
        workers.get(0).run();
        assertEquals(List.of("b1", "a1", "a2"), sent);
    }

    @Test
    void aPartitionWithNoServerIsSentFromAnyCallbackThread() {
        topology.deal();
        List<String> sent = new ArrayList<>();

        placement.sender(0).execute(() -> sent.add("task"));
        callbacks.poll().run();

        assertEquals(List.of("task"), sent);
    }
}
