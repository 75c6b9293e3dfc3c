package io.streamz.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.streamz.local.internal.core.InputPosition;
import io.streamz.local.internal.core.RefCounter;
import io.streamz.local.internal.core.Refs;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** What fromKafkaBatched may commit, without Kafka: per partition, over done batches in offset order. */
class BatchCommitsTest {
    private static final TopicPartition P0 = new TopicPartition("t", 0);
    private static final TopicPartition P1 = new TopicPartition("t", 1);
    private final BatchCommits commits = new BatchCommits();

    @Test
    void aBatchDoneBeforeAnOlderOneIsCommittedOnlyWithIt() {
        RefCounter first = commits.track(P0, 10);
        RefCounter second = commits.track(P0, 20);
        RefCounter third = commits.track(P0, 30);

        second.release();
        assertEquals(Map.of(), commits.takeCommittable());

        first.release();
        assertEquals(Map.of(P0, new OffsetAndMetadata(20)), commits.takeCommittable());
        assertEquals(Map.of(), commits.takeCommittable(), "committed once");
        assertEquals(1, commits.inFlight());

        third.release();
        assertEquals(Map.of(P0, new OffsetAndMetadata(30)), commits.takeCommittable());
    }

    @Test
    void partitionsCommitApart() {
        RefCounter slow = commits.track(P0, 10);
        RefCounter fast = commits.track(P1, 5);

        fast.release();

        assertEquals(Map.of(P1, new OffsetAndMetadata(5)), commits.takeCommittable());
        assertEquals(1, commits.inFlight());
        slow.retain(); // held downstream
        slow.release();
        assertEquals(Map.of(), commits.takeCommittable());
    }

    @Test
    void aBatchsItemsArePositionedByTopicPartitionAndOffsetAndCarryWhatIsCommitted() {
        List<String> values = List.of("a", "b");
        RefCounter batch = commits.track(P0, 13, values, new long[] {10, 12});

        InputPosition second = Refs.of(batch).forItem(values, 1).position();
        assertEquals("t/0", second.partition().name());
        assertEquals(12, second.offset());
        assertEquals(0, second.partition().committedBelow(), "nothing committed yet");

        batch.release();
        commits.committed(commits.takeCommittable());
        assertEquals(13, second.partition().committedBelow());
    }

    @Test
    void commitDoneCommitsOnlyTheDoneBatchesWithTheConsumerAndPositionsCarryTheOffset() {
        List<String> values = List.of("a");
        RefCounter done = commits.track(P0, 11, values, new long[] {10});
        commits.track(P1, 5);
        MockConsumer<String, String> consumer = new MockConsumer<>("earliest");
        consumer.assign(List.of(P0, P1));

        done.release();
        commits.commitDone(consumer, Duration.ofSeconds(1));

        assertEquals(new OffsetAndMetadata(11), consumer.committed(Set.of(P0)).get(P0));
        assertNull(consumer.committed(Set.of(P1)).get(P1), "the batch of P1 is not done");
        assertEquals(11, Refs.of(done).forItem(values, 0).position().partition().committedBelow());
        assertEquals(1, commits.inFlight());
    }
}
