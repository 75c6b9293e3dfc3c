package io.streamz.cluster.internal.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

class TallyTest {
    private final BytesInFlight inFlight = new BytesInFlight(() -> { }, 1_000);
    private final LongAdder pending = new LongAdder();

    private Handle counted(long bytes) {
        Handle handle = new Handle();
        handle.holdInFlight(inFlight, bytes);
        handle.countIn(pending);
        return handle;
    }

    @Test
    void aTallyReleasesTheAccountingOfItsHandlesAtOnceAndTheyReleaseNothingMore() {
        Handle first = counted(10);
        Handle second = counted(20);
        Handle other = counted(5);
        Tally tally = new Tally();

        first.tallyInto(tally);
        second.tallyInto(tally);
        assertEquals(35, inFlight.bytes(), "nothing released before the tally is");
        tally.release();
        first.markAbsent();
        second.fail(new IllegalStateException("its task failed"));

        assertEquals(5, inFlight.bytes());
        assertEquals(1, pending.intValue());
        other.markAbsent();
        assertEquals(0, inFlight.bytes());
        assertEquals(0, pending.intValue());
    }
}
