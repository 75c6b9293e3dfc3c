package io.streamz.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamz.Stream;
import io.streamz.cluster.IgniteCluster;
import io.streamz.cluster.SharedEmbeddedCluster;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** to_kafka written from the servers of an embedded cluster, against a real Kafka broker in this JVM. */
@ExtendWith(KafkaBroker.class)
class ClusterKafkaSinkTest {
    @RegisterExtension
    static final SharedEmbeddedCluster CLUSTER = new SharedEmbeddedCluster(1);
    private static KafkaBroker kafka;
    private static IgniteCluster cluster;

    @BeforeAll
    static void start(KafkaBroker broker) {
        kafka = broker;
        cluster = CLUSTER.get();
    }

    @Test
    void theServersWriteEachResultAndPassItOnOnceAcknowledged() throws Exception {
        String topic = kafka.newTopic(2);
        Stream<String> source = Stream.create();
        List<String> acknowledged = source.scatter(cluster)
                .map((String line) -> line.toUpperCase())
                .toKafka(topic, kafka.producerParams())
                .gather()
                .sinkToList();
        List<String> lines = IntStream.range(0, 50).mapToObj(i -> "line " + i).toList();

        for (String line : lines) {
            source.emit(line);
        }

        List<String> upper = lines.stream().map(String::toUpperCase).toList();
        assertEquals(upper, new ArrayList<>(acknowledged));
        List<String> written = kafka.read(topic, 50).stream()
                .map(record -> new String(record.value(), StandardCharsets.UTF_8)).sorted().toList();
        assertEquals(upper.stream().sorted().toList(), written);
        source.destroy();
    }

    /** A pipeline that only writes: nothing comes back to the driver, and drain() waits for the writes. */
    @Test
    void withoutGatherTheServersWriteEveryElement() throws Exception {
        String topic = kafka.newTopic(1);
        Stream<String> source = Stream.create();
        var written = source.scatter(cluster).toKafka(topic, kafka.producerParams());

        for (int i = 0; i < 10; i++) {
            source.emit("line " + i);
        }
        source.drain();

        assertEquals(10, kafka.read(topic, 10).size());
        assertEquals("<cluster map: WriteToKafka>", written.toString());
        source.destroy();
    }

    @Test
    void aWriteThatFailsOnAServerFailsItsElementAtTheEmitter() throws Exception {
        String topic = kafka.newTopic(1);
        Stream<Object> source = Stream.create();
        List<Object> acknowledged = source.scatter(cluster).toKafka(topic, kafka.producerParams()).gather().sinkToList();

        RuntimeException error = assertThrows(RuntimeException.class, () -> source.emit(42));
        source.emit("after");

        assertTrue(causes(error, SerializationException.class), () -> "no SerializationException in " + error);
        assertEquals(List.of("after"), new ArrayList<>(acknowledged));
        source.destroy();
    }

    @Test
    void badParametersFailOnTheDriverBeforeAnyElement() {
        Map<String, Object> badSerializer = kafka.producerParams();
        badSerializer.put("value.serializer", "no.such.Serializer");
        Map<String, Object> notSerializable = kafka.producerParams();
        notSerializable.put("client.id", new Object());
        Stream<String> source = Stream.create();

        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> source.scatter(cluster).toKafka("t", badSerializer));
        IllegalArgumentException unshippable = assertThrows(IllegalArgumentException.class,
                () -> source.scatter(cluster).toKafka("t", notSerializable));

        assertTrue(unknown.getMessage().contains("no.such.Serializer"), unknown.getMessage());
        assertTrue(unshippable.getMessage().contains("client.id"), unshippable.getMessage());
        source.destroy();
    }

    /** What frees a server's producer once its steps are destroyed or its driver is gone. */
    @Test
    void aServerProducerIsSharedByEqualParametersAndClosedOnceIdle() throws Exception {
        String topic = kafka.newTopic(1);
        ServerProducers producers = new ServerProducers(Duration.ofMillis(300));
        TreeMap<String, Object> params = ProducerParams.of(topic, kafka.producerParams());

        producers.write(topic, params, "a");
        producers.write(topic, ProducerParams.of(topic, kafka.producerParams()), "b");
        assertEquals(1, producers.open());

        long deadline = System.nanoTime() + KafkaBroker.WAIT.toNanos();
        while (producers.open() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(0, producers.open());
        producers.write(topic, params, "c");
        assertEquals(3, kafka.read(topic, 3).size());
    }

    /**
     * A cluster task sends its whole batch before it waits: were each send to block max.block.ms
     * again, a batch of n would report an unreachable broker only after n times max.block.ms.
     */
    @Test
    void afterARecordFoundNoBrokerTheNextOnesFailAtOnceSayingSo() throws Exception {
        ServerProducers producers = new ServerProducers(Duration.ofMinutes(1));
        Map<String, Object> nowhere = new HashMap<>();
        nowhere.put("bootstrap.servers", "127.0.0.1:1");
        nowhere.put("max.block.ms", "2000");
        TreeMap<String, Object> params = ProducerParams.of("t", nowhere);

        ExecutionException first = assertThrows(ExecutionException.class, () -> producers.send("t", params, "a").get());
        CompletableFuture<String> next = producers.send("t", params, "b");

        assertInstanceOf(TimeoutException.class, first.getCause());
        ExecutionException failed = assertThrows(ExecutionException.class, next::get);
        TimeoutException timeout = assertInstanceOf(TimeoutException.class, failed.getCause());
        assertTrue(timeout.getMessage().contains("127.0.0.1:1") && timeout.getMessage().contains("fails at once"), timeout.getMessage());
    }

    private static boolean causes(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
