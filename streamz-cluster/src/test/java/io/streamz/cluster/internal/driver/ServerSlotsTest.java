package io.streamz.cluster.internal.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class ServerSlotsTest {
    private static final UUID SERVER = new UUID(0, 1);
    private static final UUID OTHER = new UUID(0, 2);
    /** 8 threads, CPUs unknown: 10 slots. */
    private final ServerSlots slots = new ServerSlots(8, server -> 0);

    @Test
    void aServerTakesATaskPerThreadAndAQuarterMoreOfAStep() {
        for (int i = 0; i < 10; i++) {
            assertTrue(slots.free(SERVER), "slot " + i);
            slots.sent(SERVER, 1);
        }

        assertFalse(slots.free(SERVER));
        assertTrue(slots.free(OTHER));
        slots.answered(SERVER, 1);
        assertTrue(slots.free(SERVER));
    }

    @Test
    void fewerElementsThanSlotsGoOnePerTaskWhenTheFunctionIsSlow() {
        assertEquals(1, slots.taskSize(SERVER, 10, 1));
        assertTrue(slots.sendNow(SERVER, 1, 1));
    }

    @Test
    void elementsBeyondTheSlotsAreSplitOverThemCountingThoseOut() {
        assertEquals(13, slots.taskSize(SERVER, 128, 1));
        slots.sent(SERVER, 13);

        // 115 waiting and 13 out: still a tenth of 128.
        assertEquals(13, slots.taskSize(SERVER, 115, 1));
        assertEquals(1, slots.taskSize(OTHER, 10, 1));
    }

    @Test
    void aTaskIsNeverSmallerThanTheBatchLimitNorLargerThanTheLargestBatch() {
        assertEquals(64, slots.taskSize(SERVER, 20, 64));
        assertEquals(BatchPolicy.MAX_BATCH, slots.taskSize(SERVER, 100_000, 1));
    }

    @Test
    void whileTasksAreOutATaskWaitsForItsShareAndWithNoneOutItLeavesAtOnce() {
        assertTrue(slots.sendNow(SERVER, 3, 13));
        slots.sent(SERVER, 3);

        assertFalse(slots.sendNow(SERVER, 3, 13));
        assertTrue(slots.sendNow(SERVER, 13, 13));
        slots.answered(SERVER, 3);
        assertTrue(slots.sendNow(SERVER, 3, 13));
    }

    @Test
    void aServerWithEveryBusySlotTakesNothingWhateverWaits() {
        for (int i = 0; i < 10; i++) {
            slots.sent(SERVER, 5);
        }

        assertFalse(slots.sendNow(SERVER, 500, 10));
    }

    @Test
    void aServerWithFewerCpusThanThreadsTakesATaskPerCpuAndAQuarterMore() {
        // The scale-out benchmark's driver counts 32 threads; a container limited to half a CPU reports 1.
        ServerSlots byCpus = new ServerSlots(32, server -> server.equals(SERVER) ? 1 : 0);

        assertEquals(2, byCpus.slots(SERVER));
        assertEquals(40, byCpus.slots(OTHER));
        byCpus.sent(SERVER, 1);
        byCpus.sent(SERVER, 1);
        assertFalse(byCpus.free(SERVER));
    }

    @Test
    void theElementsHeldForAServerAreSplitOverItsCpusNotItsThreads() {
        ServerSlots byCpus = new ServerSlots(32, server -> 2);

        // 3 slots for 2 CPUs: 86 elements of 256 in a task where 32 threads' 40 slots would take 7.
        assertEquals(86, byCpus.taskSize(SERVER, 256, 1));
        assertEquals(7, new ServerSlots(32, server -> 0).taskSize(SERVER, 256, 1));
    }

    @Test
    void cpusBeyondTheThreadsAddNoSlots() {
        assertEquals(10, new ServerSlots(8, server -> 64).slots(SERVER));
    }
}
