package io.streamz.cluster.internal.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a durable accumulate's state tells a record read again from a new one, and what it answers for it. */
class AppliedRecordsTest {
    private final AppliedRecords records = new AppliedRecords();

    @Test
    void aRecordAtOrBelowTheLastAppliedOffsetOfItsPartitionIsAReplay() {
        Outcomes first = outcomes(2);
        first.present(0, "state after 10");
        first.present(1, "state after 11");
        records.record("t/0", 10, first, 0);
        records.record("t/0", 11, first, 1);

        assertTrue(records.applied("t/0", 10));
        assertTrue(records.applied("t/0", 11));
        assertFalse(records.applied("t/0", 12));
        assertFalse(records.applied("t/1", 10), "partitions are apart");
    }

    @Test
    void aReplayAnswersTheOutcomeItsRecordHadFailuresIncluded() {
        Outcomes first = outcomes(2);
        first.present(0, 42);
        first.failed(1, new IllegalStateException("bad record"));
        records.record("t/0", 5, first, 0);
        records.record("t/0", 6, first, 1);

        Outcomes again = outcomes(2);
        records.replay("t/0", 5, again, 0);
        records.replay("t/0", 6, again, 1);

        assertEquals(Outcomes.PRESENT, again.status(0));
        assertEquals(42, again.value(0));
        assertEquals(Outcomes.FAILED, again.status(1));
        assertInstanceOf(IllegalStateException.class, again.error(1));
    }

    @Test
    void outcomesBelowTheCommittedOffsetArePrunedAndTheirReplayAnswersNothing() {
        Outcomes first = outcomes(3);
        for (int i = 0; i < 3; i++) {
            first.present(i, i);
            records.record("t/0", i, first, i);
        }

        records.prune(Map.of("t/0", 2L));

        assertEquals(1, records.stored(), "only the record not committed keeps its outcome");
        assertTrue(records.applied("t/0", 1), "a pruned record is still applied");
        Outcomes again = outcomes(2);
        records.replay("t/0", 1, again, 0);
        records.replay("t/0", 2, again, 1);
        assertEquals(Outcomes.ABSENT, again.status(0), "committed: its result went downstream already");
        assertEquals(2, again.value(1));
    }

    @Test
    void aRecordIsNeverRecordedTwiceNorBelowTheLastApplied() {
        Outcomes first = outcomes(1);
        first.present(0, "first");
        records.record("t/0", 7, first, 0);
        Outcomes other = outcomes(1);
        other.present(0, "other");
        records.record("t/0", 7, other, 0);
        records.record("t/0", 3, other, 0);

        Outcomes again = outcomes(1);
        records.replay("t/0", 7, again, 0);
        assertEquals("first", again.value(0));
        assertEquals(1, records.stored());
    }

    private static Outcomes outcomes(int size) {
        return new Outcomes(size, Long.MAX_VALUE);
    }
}
