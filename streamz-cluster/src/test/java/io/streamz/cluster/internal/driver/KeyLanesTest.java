package io.streamz.cluster.internal.driver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.streamz.cluster.internal.driver.KeyLanes.Keyed;
import io.streamz.cluster.internal.driver.KeyLanes.Task;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which keyed elements of an accumulateByKey leave in the next task, on a fixed placement: no cluster. */
class KeyLanesTest {
    private static final UUID A = new UUID(0, 1);
    private static final UUID B = new UUID(0, 2);
    /** Partitions 1 and 2 lie on server A, 3 on B. */
    private static final Map<Integer, UUID> PLACEMENT = Map.of(1, A, 2, A, 3, B);

    /** Servers of one thread: two slots each, so four waiting elements make tasks of two. */
    private final KeyLanes lanes = new KeyLanes(PLACEMENT::get, new ServerSlots(1, server -> 0));

    @Test
    void aPartitionsElementsLeaveInEmitOrderWithOneTaskOutAtATime() {
        Keyed first = keyed("k");
        Keyed second = keyed("k");
        lanes.add(1, first);
        lanes.add(1, second);

        Task task = lanes.next();
        assertEquals(List.of(first), task.elements());
        assertArrayEquals(new long[] {1}, task.seqs());
        assertNull(lanes.next(), "the lane has a task out");

        lanes.finished(task, null);
        Task next = lanes.next();
        assertEquals(List.of(second), next.elements());
        assertArrayEquals(new long[] {2}, next.seqs());
    }

    @Test
    void aTaskTakesTheIdleLanesOfOneServerWhateverTheirKeys() {
        Keyed one = keyed("x");
        lanes.add(1, one);
        Keyed two = keyed("y");
        lanes.add(2, two);
        lanes.add(2, keyed("y"));
        lanes.add(2, keyed("z"));

        Task task = lanes.next();
        assertEquals(A, task.server());
        assertEquals(List.of(one, two), task.elements(), "a share of the four held for A: two, from both lanes");
        assertEquals(1, task.partition());
        assertArrayEquals(new long[] {1, 1}, task.seqs(), "each lane numbers its own elements");

        Keyed elsewhere = keyed("w");
        lanes.add(3, elsewhere);
        Task other = lanes.next();
        assertEquals(B, other.server());
        assertEquals(List.of(elsewhere), other.elements());
        assertNull(lanes.next(), "A's lanes have a task out, B's only element left");
    }

    @Test
    void aKeyIsConfirmedForItsLaterTasksOnceATaskOfItAnswered() {
        lanes.add(1, keyed("k"));
        Task first = lanes.next();
        assertArrayEquals(new boolean[] {false}, first.confirmed());

        lanes.add(1, keyed("k"));
        lanes.confirmed(first);
        lanes.finished(first, null);

        assertArrayEquals(new boolean[] {true}, lanes.next().confirmed(), "the job must find this key's state");
    }

    @Test
    void aNamedStatesLanesNumberOnFromItsRun() {
        long run = 3L << 40;
        lanes.numberAfter(run);
        lanes.add(1, keyed("k"));

        assertArrayEquals(new long[] {run + 1}, lanes.next().seqs());
    }

    @Test
    void drainingTakesWhatWaitsAndLeavesWhatIsOutCountedUntilItsTaskIsOver() {
        lanes.add(1, keyed("k"));
        Keyed waiting = keyed("k");
        lanes.add(1, waiting);
        Task out = lanes.next();
        assertNotNull(out);

        assertEquals(List.of(waiting.item()), lanes.drain());
        assertEquals(1, lanes.held());

        lanes.finished(out, null);
        assertEquals(0, lanes.held());
        assertNull(lanes.next());
    }

    @Test
    void aTaskTakesTheOldestElementsFirstWhicheverLaneTheyWaitIn() {
        Keyed oldest = keyed("a");
        lanes.add(2, oldest);
        Keyed next = keyed("b");
        lanes.add(1, next);
        lanes.add(1, keyed("b"));

        assertEquals(List.of(oldest, next), lanes.next().elements(), "a share of the three held for A: the two oldest");
    }

    @Test
    void theOldestWaitingElementLeavesWithoutWaitingForAFullShare() {
        lanes.add(1, keyed("p"));
        Task first = lanes.next();
        assertNotNull(first);
        Keyed oldest = keyed("q");
        lanes.add(2, oldest);
        lanes.add(1, keyed("r"));
        lanes.add(1, keyed("s"));
        lanes.add(1, keyed("t"));

        Task second = lanes.next();
        assertNotNull(second, "every later element waits for q downstream: it must not wait for a share of three");
        assertEquals(List.of(oldest), second.elements());
    }

    @Test
    void whileTheOldestWaitsBehindATaskOutTheOthersWaitForTheirShare() {
        lanes.add(1, keyed("p"));
        assertNotNull(lanes.next());
        lanes.add(1, keyed("r"));
        lanes.add(2, keyed("q"));
        lanes.add(1, keyed("s"));
        lanes.add(1, keyed("t"));

        assertNull(lanes.next(), "q is not the oldest waiting: one element is not A's share of three (Nagle's rule)");
    }

    private static Keyed keyed(String key) {
        return new Keyed(new Item(key, new Handle()), "state of " + key, key.getBytes());
    }
}
