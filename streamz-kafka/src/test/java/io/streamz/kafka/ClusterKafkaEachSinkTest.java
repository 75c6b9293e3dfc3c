package io.streamz.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamz.Stream;
import io.streamz.cluster.IgniteCluster;
import io.streamz.cluster.SharedEmbeddedCluster;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** toKafkaEach: every item of each batch written from the servers of an embedded cluster, against a real Kafka broker. */
@ExtendWith(KafkaBroker.class)
class ClusterKafkaEachSinkTest {
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
    void theServersWriteEveryItemOfEachBatchAndPassTheBatchOnOnceAcknowledged() throws Exception {
        String topic = kafka.newTopic(1);
        Stream<List<String>> source = Stream.create();
        List<List<String>> acknowledged = source.scatter(cluster).toKafkaEach(topic, kafka.producerParams()).gather().sinkToList();
        List<List<String>> batches = IntStream.range(0, 5)
                .mapToObj(b -> IntStream.range(0, 10).mapToObj(i -> "line " + (b * 10 + i)).toList()).toList();

        for (List<String> batch : batches) {
            source.emit(batch);
        }

        assertEquals(batches, new ArrayList<>(acknowledged));
        List<String> written = kafka.read(topic, 50).stream().map(record -> new String(record.value(), StandardCharsets.UTF_8)).toList();
        assertEquals(batches.stream().flatMap(List::stream).toList(), written, "one partition: the items in the emitted order");
        source.destroy();
    }

    @Test
    void anElementThatIsNotIterableFailsAtTheEmitterSayingToUseToKafka() throws Exception {
        String topic = kafka.newTopic(1);
        Stream<Object> source = Stream.create();
        List<Object> acknowledged = source.scatter(cluster).toKafkaEach(topic, kafka.producerParams()).gather().sinkToList();

        RuntimeException error = assertThrows(RuntimeException.class, () -> source.emit("not a batch"));
        source.emit(List.of("after"));

        IllegalArgumentException cause = cause(error, IllegalArgumentException.class);
        assertTrue(cause.getMessage().contains("java.lang.String") && cause.getMessage().contains("use toKafka"), cause.getMessage());
        assertEquals(List.of(List.of("after")), new ArrayList<>(acknowledged));
        source.destroy();
    }

    @Test
    void anItemThatCannotBeWrittenFailsItsWholeBatch() throws Exception {
        String topic = kafka.newTopic(1);
        Stream<List<Object>> source = Stream.create();
        List<List<Object>> acknowledged = source.scatter(cluster).toKafkaEach(topic, kafka.producerParams()).gather().sinkToList();

        RuntimeException error = assertThrows(RuntimeException.class, () -> source.emit(List.of("a", 42, "b")));
        source.emit(List.of("after"));

        cause(error, SerializationException.class);
        assertEquals(List.of(List.of("after")), new ArrayList<>(acknowledged));
        source.destroy();
    }

    @Test
    void badParametersFailOnTheDriverBeforeAnyElement() {
        Map<String, Object> badSerializer = kafka.producerParams();
        badSerializer.put("value.serializer", "no.such.Serializer");
        Stream<List<String>> source = Stream.create();

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> source.scatter(cluster).toKafkaEach("t", badSerializer));

        assertTrue(error.getMessage().contains("no.such.Serializer"), error.getMessage());
        source.destroy();
    }

    /** The count of records in flight starts at one for the sending itself: with nothing sent it must still complete. */
    @Test
    void anEmptyBatchIsAcknowledgedAtOnce() throws Exception {
        ServerProducers producers = new ServerProducers(Duration.ofMinutes(1));
        String topic = kafka.newTopic(1);
        TreeMap<String, Object> params = ProducerParams.of(topic, kafka.producerParams());

        producers.sendAll(topic, params, List.of()).get(KafkaBroker.WAIT.toSeconds(), TimeUnit.SECONDS);
        producers.sendAll(topic, params, List.of("x", "y")).get(KafkaBroker.WAIT.toSeconds(), TimeUnit.SECONDS);

        assertEquals(2, kafka.read(topic, 2).size());
    }

    private static <E extends Throwable> E cause(Throwable error, Class<E> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + error, error);
    }
}
