package io.streamz.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamz.ErrorHandler;
import io.streamz.Stream;
import io.streamz.cluster.LogCapture;
import io.streamz.function.FunctionEx;
import io.streamz.kafka.KafkaBatchOptions;
import io.streamz.kafka.KafkaBroker;
import io.streamz.kafka.KafkaClusterSource;
import io.streamz.kafka.KafkaSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Kafka in and out on the servers of three containers: {@code fromKafkaBatched(topic, params, options, cluster)} has
 * the servers read the records, a cluster {@code map} transforms each batch where it was read, and {@code toKafkaEach}
 * writes the results from there, so that no record crosses the driver (only batch sizes come back). The broker is a
 * real one (KRaft) in the test JVM, which the containers reach at this machine's address on their network
 * ({@link DockerCluster#hostAddress()}), as the driver does.
 *
 * <p>Duplicates allowed in the output topic: none while no server fails; with a server killed, the records of the
 * batches it had in flight may be written again (at least once), and the test prints how many were.
 *
 * <p>The tests share one cluster and one broker; the second kills a server, so it runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// The first test starts the containers too: over 2 minutes on a loaded machine.
@Timeout(value = 7, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class KafkaOnServersIT {

    private static final int PARTITIONS = 6;
    private static final int PER_PARTITION = 300;
    private static final int RECORDS = PARTITIONS * PER_PARTITION;
    /** Small batches: the stream is many of them, so that a kill falls in its middle. */
    private static final KafkaBatchOptions OPTIONS = new KafkaBatchOptions(Duration.ofMillis(100), 10);
    // Generous: the 2 cores are shared with other builds (under a load of 30, the first pipeline took 28-103 s to read,
    // write and commit its 1800 records, the one with a server killed 22-30 s), and a killed server takes seconds to be
    // noticed.
    private static final Duration DONE_WITHIN = Duration.ofSeconds(180);

    private static final SharedCluster SHARED = new SharedCluster(3);
    private static KafkaBroker broker;

    private final List<Throwable> reported = new CopyOnWriteArrayList<>();
    /** The records that came through the whole pipeline, as counted by the driver. */
    private final AtomicInteger gathered = new AtomicInteger();
    private ErrorHandler previousHandler;
    private KafkaClusterSource<String> source;

    @BeforeEach
    void joinTheSharedClusterAndStartTheBroker() throws Throwable {
        SHARED.join();
        if (broker == null)
            broker = KafkaBroker.reachableAt(SHARED.containers().hostAddress());
        previousHandler = Stream.setErrorHandler((where, error) -> reported.add(error));
    }

    @AfterEach
    void destroyTheSource() {
        if (source != null)
            source.destroy();
        Stream.setErrorHandler(previousHandler);
    }

    @AfterAll
    static void stopTheBrokerAndTheCluster() throws Exception {
        try {
            if (broker != null)
                broker.close();
        }
        finally {
            SHARED.close();
        }
    }

    @Test
    @Order(1)
    void recordsReadOnTheServersAreWrittenBackFromEveryServerEachOnceAndTheGroupCommitsToTheEnd() throws Exception {
        String in = inputTopic();
        String out = broker.newTopic(PARTITIONS);
        try (LogCapture log = LogCapture.start()) {
            start(in, out, "on-servers", BatchWork.shout(null, 0));
            awaitCommittedToTheEnd("on-servers", in);
            // The driver asks for the partitions' ends at every poll: 552 warnings in a minute before it assigned them.
            assertEquals(0, log.count("Not updating high watermark"), "the driver's consumer warned about its partitions");
        }

        List<String> written = broker.readAll(out);
        assertEquals(Set.of(), missing(written), "records of " + in + " not in " + out);
        assertEquals(Map.of(), duplicates(written), "no server failed, so no record was written twice");
        assertEquals(Set.copyOf(SHARED.containers().hostNames()), hosts(written),
            "the servers that wrote: the " + PARTITIONS + " partitions spread over the 3 of them");
        assertEquals(RECORDS, gathered.get(), "records counted through gather");
        assertEquals(List.of(), reported, "failures reported");
    }

    @Test
    @Order(2)
    void aServerKilledMidStreamLosesNoRecordItsPartitionsGoOnOnTheOthersAndTheGroupCommitsToTheEnd() throws Exception {
        String in = inputTopic();
        String out = broker.newTopic(PARTITIONS);
        String marked = KafkaBroker.line(PER_PARTITION / 4); // a quarter into partition 0
        // 20 ms per batch of 10: a few seconds of work, so that batches are in flight on every server at the kill.
        start(in, out, "server-killed", BatchWork.shout(marked, 20));

        DockerCluster containers = SHARED.containers();
        int killed = containers.awaitLog(BatchWork.marker(marked), DONE_WITHIN);
        containers.kill(killed);
        int gatheredAtKill = gathered.get();
        String killedHost = containers.hostNames().get(killed);

        awaitCommittedToTheEnd("server-killed", in);

        List<String> written = broker.readAll(out);
        Map<String, Long> duplicates = duplicates(written);
        System.out.printf("KafkaOnServersIT: %s killed with %d of %d records gathered; then %d records written more"
                + " than once (%d extra writes), %d failures reported: %s%n", killedHost, gatheredAtKill, RECORDS,
            duplicates.size(), written.size() - RECORDS, reported.size(), reported);
        assertTrue(gatheredAtKill < RECORDS, "the stream was over before the kill: not a mid-stream failure");
        assertEquals(Set.of(), missing(written), "records of " + in + " not in " + out);
        Set<String> lastOfPartition0 = hostsThatWrote(written, KafkaBroker.line(PER_PARTITION - 1));
        assertFalse(lastOfPartition0.contains(killedHost),
            "partition 0, read by the killed server, was finished by the others: " + lastOfPartition0);
        assertEquals(Set.of(), unexpected(written), "records in " + out + " that were not in " + in);
        assertEquals(List.of(), reported, "failures reported: the reads and writes under way failed over");
    }

    /** A new topic of {@link #PARTITIONS} partitions holding {@link #PER_PARTITION} records in each. */
    private static String inputTopic() throws Exception {
        String topic = broker.newTopic(PARTITIONS);
        for (int p = 0; p < PARTITIONS; p++)
            broker.produce(topic, p, p * 1000, p * 1000 + PER_PARTITION);
        return topic;
    }

    /**
     * Reads {@code in} on the servers as {@code group}, has them shout each batch with {@code work} and write it to
     * {@code out}, and counts the records gathered.
     */
    private void start(String in, String out, String group, FunctionEx<List<String>, List<String>> work) {
        source = KafkaSource.fromKafkaBatched(in, broker.stringConsumerParams(group), OPTIONS, SHARED.driver());
        source.stream().map(work).toKafkaEach(out, Map.of("bootstrap.servers", broker.bootstrapServers()))
            .map(BatchWork.SIZE).buffer(8).gather().sink(gathered::addAndGet);
        source.start();
    }

    /**
     * Waits until {@code group} committed the end of every partition of {@code in}: every batch is then done
     * downstream, its records written and acknowledged. Fails saying how far it got.
     */
    private void awaitCommittedToTheEnd(String group, String in) throws InterruptedException {
        try {
            // The broker is asked only once every record was gathered, which the commits need anyway.
            SHARED.containers().await(group + " committing offset " + PER_PARTITION + " in every partition of " + in,
                DONE_WITHIN, () -> gathered.get() >= RECORDS
                    && committed(group, in).stream().allMatch(offset -> offset == PER_PARTITION));
        }
        catch (AssertionError e) {
            throw new AssertionError(gathered.get() + " of " + RECORDS + " records gathered, offsets committed "
                + committed(group, in) + ". " + e.getMessage(), e);
        }
    }

    /** The offset {@code group} committed in each partition of {@code topic} (-1: none). */
    private static List<Long> committed(String group, String topic) {
        try {
            List<Long> offsets = new ArrayList<>();
            for (int p = 0; p < PARTITIONS; p++)
                offsets.add(broker.committed(group, topic, p));
            return offsets;
        }
        catch (Exception e) {
            throw new IllegalStateException("could not ask the broker for " + group + "'s offsets", e);
        }
    }

    /** Every input record, as the servers write it (upper-cased). */
    private static Set<String> expected() {
        return IntStream.range(0, PARTITIONS)
            .flatMap(p -> IntStream.range(p * 1000, p * 1000 + PER_PARTITION))
            .mapToObj(i -> shouted(KafkaBroker.line(i)))
            .collect(Collectors.toCollection(HashSet::new));
    }

    private static String shouted(String record) {
        return record.toUpperCase(Locale.ROOT);
    }

    /** The records written more than once, with how many times. */
    private static Map<String, Long> duplicates(List<String> written) {
        Map<String, Long> counts = written.stream()
            .collect(Collectors.groupingBy(BatchWork::record, TreeMap::new, Collectors.counting()));
        counts.values().removeIf(count -> count == 1);
        return counts;
    }

    private static Set<String> hosts(List<String> written) {
        return written.stream().map(BatchWork::host).collect(Collectors.toSet());
    }

    private static Set<String> hostsThatWrote(List<String> written, String record) {
        return hosts(written.stream().filter(value -> BatchWork.record(value).equals(shouted(record))).toList());
    }

    private static Set<String> missing(List<String> written) {
        Set<String> records = expected();
        written.stream().map(BatchWork::record).forEach(records::remove);
        return records;
    }

    private static Set<String> unexpected(List<String> written) {
        Set<String> records = written.stream().map(BatchWork::record).collect(Collectors.toCollection(HashSet::new));
        records.removeAll(expected());
        return records;
    }
}
