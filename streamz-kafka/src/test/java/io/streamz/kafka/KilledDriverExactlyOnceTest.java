package io.streamz.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamz.cluster.ChildDriver;
import io.streamz.cluster.IgniteCluster;
import io.streamz.cluster.SharedEmbeddedCluster;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Exactly-once effect on a durable cluster accumulate fed by {@code fromKafkaBatched}: a driver killed
 * with {@code kill -9} after some records were applied and before they were committed, then started
 * again on the same state name, leaves a state that counted every input record once, and the output
 * topic holds every result at least once. The killed driver runs in a child JVM ({@link CountingDriver}),
 * the second one, the same pipeline, in this JVM, against servers in this JVM and a real broker.
 */
@ExtendWith(KafkaBroker.class)
class KilledDriverExactlyOnceTest {
    private static final int PER_PARTITION = 25;
    private static final int RECORDS = 2 * PER_PARTITION;
    /** The first driver stops taking results at this count: that record and those after it are applied, not committed. */
    private static final int STOP_AT = 15;
    private static final long STARTUP_SECONDS = 90;

    @RegisterExtension
    static final SharedEmbeddedCluster CLUSTER = new SharedEmbeddedCluster(1);
    private static IgniteCluster cluster;

    @BeforeAll
    static void useTheSharedCluster() {
        cluster = CLUSTER.get();
    }

    @Test
    void aDriverKilledMidStreamAndStartedAgainAppliesEveryRecordOnceAndWritesEveryResult(KafkaBroker kafka) throws Exception {
        String input = kafka.newTopic(2);
        String output = kafka.newTopic(1);
        String group = "counting-" + input;
        kafka.produce(input, 0, 0, PER_PARTITION);
        kafka.produce(input, 1, PER_PARTITION, RECORDS);
        int clients = clientNodes();

        try (ChildDriver first = start(kafka, input, output, group, STOP_AT)) {
            first.awaitLine(CountingDriver.STOPPED, STARTUP_SECONDS);
            first.kill();
        }
        long committed = committedRecords(kafka, group, input);
        assertTrue(committed < STOP_AT, "the killed driver applied records it had not committed (" + committed
                + " committed, " + STOP_AT + " applied at least): the next one reads them again");

        // The killed driver holds the state's name until its client node has left.
        KafkaBroker.await(() -> clientNodes() == clients);
        try (IgniteCluster second = IgniteCluster.connect(cluster.discoveryAddresses().toArray(String[]::new))) {
            KafkaBatchedSource<String> source = CountingDriver.start(second, kafka.bootstrapServers(), input, output, group,
                    stateName(input), result -> { });
            KafkaBroker.await(() -> committedRecords(kafka, group, input) == RECORDS);
            source.destroy();
        }

        List<String> results = kafka.readAll(output);
        Set<Long> counts = results.stream().map(CountingDriver::count).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(LongStream.rangeClosed(1, RECORDS).boxed().collect(Collectors.toCollection(TreeSet::new)), counts,
                "one result per record, each written at least once, none for a record applied twice");
        long sum = (long) RECORDS * (RECORDS + 1) / 2;
        assertTrue(results.contains(RECORDS + "," + sum), "the last state counts every record once: " + RECORDS + "," + sum);
        assertTrue(results.size() > RECORDS, "the results of the records read again were written again");
    }

    private static ChildDriver start(KafkaBroker kafka, String input, String output, String group, int stopAt) throws IOException {
        List<String> args = new ArrayList<>(List.of(kafka.bootstrapServers(), input, output, group, stateName(input),
                Integer.toString(stopAt)));
        args.addAll(cluster.discoveryAddresses());
        return ChildDriver.start(CountingDriver.class, args);
    }

    private static String stateName(String input) {
        return "counting-" + input;
    }

    /** How many records of {@code input}'s two partitions {@code group} committed. */
    private static long committedRecords(KafkaBroker kafka, String group, String input) {
        try {
            return Math.max(0, kafka.committed(group, input, 0)) + Math.max(0, kafka.committed(group, input, 1));
        } catch (Exception e) {
            throw new IllegalStateException("could not read the committed offsets of " + group, e);
        }
    }

    private static int clientNodes() {
        return cluster.ignite().cluster().forClients().nodes().size();
    }
}
