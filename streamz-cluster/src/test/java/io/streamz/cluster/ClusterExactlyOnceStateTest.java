package io.streamz.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.streamz.Stream;
import io.streamz.local.internal.core.BatchPositions;
import io.streamz.local.internal.core.InputPartition;
import io.streamz.local.internal.core.RefCounter;
import io.streamz.local.internal.core.Refs;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A durable accumulate applies each input record once: records read again (what a driver restarted
 * after a crash reads from the last committed offset) are not applied again, and answer the result
 * their first application had. The records come as a counted source with positions emits them
 * ({@code fromKafkaBatched}: batches of one partition, then {@code flatten}), without Kafka; the server
 * tells a replay by the record's position alone, so one driver reading records again shows it (the
 * state continuing in a new driver is {@link ClusterDurableStateTest}'s, the crash the Kafka module's).
 */
class ClusterExactlyOnceStateTest {
    @RegisterExtension
    static final EmbeddedCluster CLUSTER = new EmbeddedCluster(1);

    /** The partition as a source sees it, with what it committed of it. */
    private static InputPartition partition(long committedBelow) {
        InputPartition partition = new InputPartition("in/0");
        partition.committed(committedBelow);
        return partition;
    }

    @Test
    void recordsReadAgainAreNotAppliedTwiceAndAnswerTheirFirstResult() {
        Stream<List<Integer>> source = Stream.create();
        List<Integer> sums = durableSums(source, "once");

        emitBatch(source, partition(0), 0, 1, 2, 3, 4);
        // As after a crash with records 2..4 applied and 0..1 committed: they are read again from 2.
        emitBatch(source, partition(2), 2, 3, 4, 5, 6);
        emitBatch(source, partition(7), 7);

        assertEquals(List.of(100, 101, 103, 106, 110, /* again: */ 103, 106, 110, /* new: */ 115, 121, 128), sums);
        source.destroy();
    }

    @Test
    void aRecordReadAgainAfterItsOutcomeWasPrunedAsCommittedAnswersNothing() {
        Stream<List<Integer>> source = Stream.create();
        List<Integer> sums = durableSums(source, "pruned");

        emitBatch(source, partition(0), 0, 1, 2);
        // This batch says 0..1 are committed: their outcomes are forgotten.
        emitBatch(source, partition(2), 3);
        emitBatch(source, partition(2), 1, 2, 4);

        assertEquals(List.of(100, 101, 103, 106, /* 1: nothing, 2 again: */ 103, 110), sums);
        source.destroy();
    }

    @Test
    void anUnnamedAccumulateIgnoresPositionsAndAppliesWhatItIsGiven() {
        Stream<List<Integer>> source = Stream.create();
        List<Integer> sums = source.<Integer>flatten().scatter(CLUSTER.get())
                .accumulate((Integer sum, Integer x) -> sum + x, 100).gather().sinkToList();

        emitBatch(source, partition(0), 1, 2);
        emitBatch(source, partition(0), 1, 2);

        assertEquals(List.of(101, 103, 104, 106), sums);
        source.destroy();
    }

    /** A running sum from 100 of the flattened batches of {@code source}, its state named {@code name}. */
    private static List<Integer> durableSums(Stream<List<Integer>> source, String name) {
        return source.<Integer>flatten().scatter(CLUSTER.get()).accumulate((Integer sum, Integer x) -> sum + x, 100)
                .durable(name).gather().sinkToList();
    }

    /** Emits the records at {@code offsets}, whose values are their offsets, as one counted batch with positions. */
    private static void emitBatch(Stream<List<Integer>> source, InputPartition partition, int... offsets) {
        List<Integer> values = IntStream.of(offsets).boxed().toList();
        long[] at = Arrays.stream(offsets).asLongStream().toArray();
        RefCounter batch = new RefCounter(() -> { }, new BatchPositions(values, partition, at));
        Refs.emitCounted(batch, () -> source.emit(values));
    }
}
