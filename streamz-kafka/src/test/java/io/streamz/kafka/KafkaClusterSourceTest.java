package io.streamz.kafka;

import static io.streamz.kafka.KafkaBroker.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamz.ErrorHandler;
import io.streamz.Stream;
import io.streamz.cluster.Cluster;
import io.streamz.cluster.ClusterStream;
import io.streamz.cluster.IgniteCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.ignite.Ignition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * from_kafka_batched read on the servers of an embedded cluster (streamz's {@code dask=True}), against
 * a real Kafka broker in this JVM: every record once, in partition order, committed after gather,
 * nothing lost when a server leaves.
 */
@ExtendWith(KafkaBroker.class)
class KafkaClusterSourceTest {
    private static final KafkaBatchOptions OPTIONS = new KafkaBatchOptions(Duration.ofMillis(50), 7);
    private static KafkaBroker broker;
    private static IgniteCluster cluster;

    /** What a test's map holds a read with, on the servers of this JVM; open unless a test closes it. */
    private static volatile CountDownLatch held = new CountDownLatch(0);

    private final List<KafkaClusterSource<String>> sources = new ArrayList<>();
    private final List<Throwable> reported = new CopyOnWriteArrayList<>();
    private ErrorHandler previousHandler;

    @BeforeAll
    static void start(KafkaBroker shared) {
        broker = shared;
        cluster = IgniteCluster.local(2);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @AfterEach
    void destroyTheSources() {
        sources.forEach(KafkaClusterSource::destroy);
        if (previousHandler != null) {
            Stream.setErrorHandler(previousHandler);
        }
    }

    @Test
    void everyRecordArrivesOnceInPartitionOrderThroughMapAndGatherEachPartitionReadByOneServer() throws Exception {
        String topic = broker.newTopic(4);
        for (int p = 0; p < 4; p++) {
            broker.produce(topic, p, p * 1000, p * 1000 + 40);
        }
        KafkaClusterSource<String> source = source(topic, "once", cluster);
        // Each batch comes back with the server that read it: the map runs where its input lies.
        List<List<Object>> batches = source.stream()
                .map((List<String> batch) -> List.<Object>of(Ignition.localIgnite().name(), batch))
                .gather().sinkToList();

        source.start();
        await(() -> records(batches).size() == 160);

        for (int p = 0; p < 4; p++) {
            assertEquals(lines(p * 1000, p * 1000 + 40), partition(records(batches), p), "partition " + p);
        }
        assertTrue(batches.stream().allMatch(b -> ((List<?>) b.get(1)).size() <= OPTIONS.maxBatchSize()), batches.toString());
        Map<Integer, Set<Object>> serversByPartition = new TreeMap<>();
        for (List<Object> batch : batches) {
            int p = Integer.parseInt(((List<?>) batch.get(1)).get(0).toString().substring(5)) / 1000;
            serversByPartition.computeIfAbsent(p, k -> new HashSet<>()).add(batch.get(0));
        }
        assertTrue(serversByPartition.values().stream().allMatch(servers -> servers.size() == 1), serversByPartition.toString());
        Set<Object> servers = new HashSet<>();
        serversByPartition.values().forEach(servers::addAll);
        assertEquals(2, servers.size(), "the partitions spread over both servers: " + serversByPartition);
    }

    @Test
    void aPartitionGoesOnReadingWhileAnotherPartitionsReadIsHeldUp() throws Exception {
        String topic = broker.newTopic(2);
        broker.produce(topic, 0, 0, 7);
        broker.produce(topic, 1, 1000, 1021); // three batches of 7
        KafkaClusterSource<String> source = source(topic, "not-held-up", cluster);
        String first = KafkaBroker.line(0);
        held = new CountDownLatch(1);
        // The map runs in the read's task (fused): partition 0's only read is not done until the test lets it.
        List<List<String>> batches = source.stream().map((List<String> batch) -> {
            if (batch.contains(first)) {
                awaitQuietly(held);
            }
            return batch;
        }).gather().sinkToList();

        source.start();
        try {
            await(() -> flat(batches).containsAll(lines(1000, 1021)));
            assertTrue(!flat(batches).contains(first), "partition 1's reads went on while partition 0's first was under way");
        } finally {
            held.countDown();
        }
        await(() -> flat(batches).size() == 28);

        assertEquals(lines(0, 7), partition(flat(batches), 0));
        assertEquals(lines(1000, 1021), partition(flat(batches), 1));
        await(() -> committed("not-held-up", topic, 2) == 7); // partition 0's end, the lower of the two
    }

    @Test
    void aBatchIsCommittedOnlyOnceGatherDeliveredIt() throws Exception {
        String topic = broker.newTopic(1);
        broker.produce(topic, 0, 0, 5);
        KafkaClusterSource<String> source = source(topic, "after-gather", cluster);
        CountDownLatch delivered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // Behind a buffer the source's emit returns at once: only the counting holds the commit back.
        source.stream().map((List<String> batch) -> batch.size()).buffer(2).gather().sink(size -> {
            delivered.countDown();
            awaitQuietly(release);
        });

        source.start();
        assertTrue(delivered.await(30, TimeUnit.SECONDS), "the batch reached the sink");
        // The source polls every 50 ms and would commit a done batch at its next poll.
        Thread.sleep(OPTIONS.pollInterval().toMillis() * 6);
        assertEquals(-1, broker.committed("after-gather", topic, 0), "committed while the sink still held the batch");

        release.countDown();
        await(() -> committed("after-gather", topic, 1) == 5);
    }

    @Test
    void aMapFailingOnABatchItsReadAppliedReportsItsOwnErrorOnceAndTheBatchIsCommittedNotReadAgain() throws Exception {
        previousHandler = Stream.setErrorHandler((where, error) -> reported.add(error));
        String topic = broker.newTopic(1);
        broker.produce(topic, 0, 0, 5);
        KafkaClusterSource<String> source = source(topic, "failing-map", cluster);
        String bad = KafkaBroker.line(2);
        // The read applies the map where it read: its failure is the batch's, not the read's.
        List<Integer> sizes = source.stream().map((List<String> batch) -> {
            if (batch.contains(bad)) {
                throw new IllegalStateException("no " + bad);
            }
            return batch.size();
        }).gather().sinkToList();

        source.start();
        await(() -> committed("failing-map", topic, 1) == 5);
        broker.produce(topic, 0, 5, 8);
        await(() -> committed("failing-map", topic, 1) == 8);

        assertEquals(List.of(3), sizes);
        assertEquals(1, reported.size(), reported.toString());
        assertEquals("no " + bad, reported.get(0).getMessage());
    }

    @Test
    void aServerStoppedMidStreamLosesNothingAndItsPartitionsGoOnOnTheOther() throws Exception {
        previousHandler = Stream.setErrorHandler((where, error) -> reported.add(error));
        try (IgniteCluster two = IgniteCluster.local(2)) {
            String topic = broker.newTopic(4);
            produceEach(topic, 0, 30);
            KafkaClusterSource<String> source = source(topic, "failover", two);
            List<List<Object>> batches = source.stream()
                    .map((List<String> batch) -> {
                        Thread.sleep(20); // some work, so that reads and maps are under way when the server goes
                        return List.<Object>of(Ignition.localIgnite().name(), batch);
                    })
                    .buffer(4).gather().sinkToList();
            source.start();
            await(() -> records(batches).size() == 120);

            produceEach(topic, 30, 60);
            await(() -> records(batches).size() > 120);
            Ignition.stop(two.serverNames().get(1), true);
            produceEach(topic, 60, 90);
            await(() -> records(batches).size() >= 360);

            for (int p = 0; p < 4; p++) {
                assertEquals(lines(p * 1000, p * 1000 + 90), partition(records(batches), p), "partition " + p);
            }
            List<List<Object>> after = batches.subList(batches.size() - 4, batches.size());
            assertTrue(after.stream().allMatch(b -> b.get(0).equals(two.serverNames().get(0))), "read by the server left: " + after);
            await(() -> committed("failover", topic, 4) == 90);
            assertEquals(List.of(), reported);
        }
    }

    /** Writes lines {@code p * 1000 + from} to {@code p * 1000 + to} (excluded) to each partition {@code p} of four. */
    private static void produceEach(String topic, int from, int to) throws Exception {
        for (int p = 0; p < 4; p++) {
            broker.produce(topic, p, p * 1000 + from, p * 1000 + to);
        }
    }

    @Test
    void badArgumentsFailAtOnceSayingWhatIsWrong() {
        Map<String, Object> params = params("bad");
        assertMessage("needs a topic", () -> KafkaSource.fromKafkaBatched(" ", params, OPTIONS, cluster));
        assertMessage("pass KafkaBatchOptions.DEFAULTS", () -> KafkaSource.fromKafkaBatched("t", params, null, cluster));
        assertMessage("IgniteCluster.local(...)", () -> KafkaSource.fromKafkaBatched("t", params, OPTIONS, null));
        assertMessage("group.id", () -> KafkaSource.fromKafkaBatched("t", Map.of("bootstrap.servers", "localhost:1"), OPTIONS, cluster));
    }

    /** The cluster module, not this one, decides which clusters read on their servers. */
    @Test
    void aClusterOfAnotherEngineIsRefusedNamingTheSourceAndWhatToPass() {
        Cluster elsewhere = new Cluster() {
            @Override
            public <T> ClusterStream<T> scatter(Stream<T> upstream) {
                throw new UnsupportedOperationException("not used");
            }

            @Override
            public String name() {
                return "elsewhere";
            }

            @Override
            public void close() {
            }

            @Override
            public String toString() {
                return "<a cluster of another engine>";
            }
        };

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> KafkaSource.fromKafkaBatched("clicks", params("elsewhere"), OPTIONS, elsewhere));

        assertTrue(refused.getMessage().startsWith("fromKafkaBatched clicks reads on a cluster's servers: "
                + "<a cluster of another engine> is not a cluster of streamz-cluster"), refused.getMessage());
        assertTrue(refused.getMessage().contains("IgniteCluster.connect(...)"), refused.getMessage());
    }

    @Test
    void toStringNamesTheOperatorTopicAndCluster() {
        KafkaClusterSource<String> source = source("clicks", "names", cluster);
        assertEquals("<from_kafka_batched: clicks on the cluster>", source.toString());
        assertTrue(source.stream().toString().contains("from_kafka_batched"), source.stream().toString());
    }

    private KafkaClusterSource<String> source(String topic, String group, IgniteCluster on) {
        KafkaClusterSource<String> source = KafkaSource.fromKafkaBatched(topic, params(group), OPTIONS, on);
        sources.add(source);
        return source;
    }

    private static Map<String, Object> params(String group) {
        return broker.stringConsumerParams(group);
    }

    /** The records of the gathered batches, in the order they arrived. */
    private static List<String> records(List<List<Object>> batches) {
        List<String> all = new ArrayList<>();
        for (List<Object> batch : List.copyOf(batches)) {
            for (Object value : (List<?>) batch.get(1)) {
                all.add((String) value);
            }
        }
        return all;
    }

    /** The records of {@code batches}, in the order they arrived. */
    private static List<String> flat(List<List<String>> batches) {
        return List.copyOf(batches).stream().flatMap(List::stream).toList();
    }

    /** The records of partition {@code p} (lines {@code p * 1000} and up), in arrival order. */
    private static List<String> partition(List<String> records, int p) {
        return records.stream().filter(line -> Integer.parseInt(line.substring(5)) / 1000 == p).toList();
    }

    private static List<String> lines(int from, int to) {
        return IntStream.range(from, to).mapToObj(KafkaBroker::line).toList();
    }

    /** The lowest offset {@code group} committed over partitions {@code 0..partitions-1} of {@code topic} (-1: none). */
    private static long committed(String group, String topic, int partitions) {
        try {
            long lowest = Long.MAX_VALUE;
            for (int p = 0; p < partitions; p++) {
                lowest = Math.min(lowest, broker.committed(group, topic, p));
            }
            return lowest;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void assertMessage(String expected, Runnable call) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, call::run);
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }
}
