package io.streamz.kafka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamz.ErrorHandler;
import io.streamz.KafkaSink;
import io.streamz.Stream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.BufferExhaustedException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.IntegerSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** to_kafka from a local stream against a real Kafka broker in this JVM. */
@ExtendWith(KafkaBroker.class)
class KafkaSinkTest {
    private static final Duration WAIT = KafkaBroker.WAIT;
    private static KafkaBroker kafka;

    @BeforeAll
    static void broker(KafkaBroker broker) {
        kafka = broker;
    }

    @Test
    void eachElementBecomesARecordValueAndGoesDownstreamOnceAcknowledged() throws Exception {
        String topic = kafka.newTopic(1);
        Stream<Object> source = Stream.create();
        List<Object> acknowledged = source.toKafka(topic, kafka.producerParams()).sinkToList();

        source.emit("zürich");
        source.emit(new byte[] {1, 2, 3});

        // emit returned: Kafka has both, and they went downstream.
        assertEquals(2, acknowledged.size());
        List<ConsumerRecord<byte[], byte[]>> records = kafka.read(topic, 2);
        assertArrayEquals("zürich".getBytes(StandardCharsets.UTF_8), records.get(0).value());
        assertArrayEquals(new byte[] {1, 2, 3}, records.get(1).value());
        source.destroy();
    }

    /** Acknowledgements of different partitions come back in any order; downstream sees input order. */
    @Test
    void elementsGoDownstreamInInputOrderAcrossPartitions() throws Exception {
        String topic = kafka.newTopic(3);
        Stream<String> source = Stream.create();
        List<String> acknowledged = source.toKafka(topic, kafka.producerParams()).sinkToList();
        List<String> lines = IntStream.range(0, 300).mapToObj(i -> "line " + i).toList();

        List<CompletableFuture<Void>> accepted = new ArrayList<>();
        for (String line : lines) {
            accepted.add(source.emitAsync(line));
        }
        CompletableFuture.allOf(accepted.toArray(CompletableFuture[]::new)).get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertEquals(lines, new ArrayList<>(acknowledged));
        assertEquals(300, kafka.read(topic, 300).size());
        source.destroy();
    }

    @Test
    void aValueSerializerFromTheParametersWritesOtherTypes() throws Exception {
        String topic = kafka.newTopic(1);
        Map<String, Object> params = kafka.producerParams();
        params.put("value.serializer", IntegerSerializer.class);
        Stream<Integer> source = Stream.create();
        source.toKafka(topic, params);

        source.emit(7);

        assertEquals(7, ByteBuffer.wrap(kafka.read(topic, 1).get(0).value()).getInt());
        source.destroy();
    }

    @Test
    void anElementThatIsNeitherStringNorBytesFailsAtItsEmitterSayingWhatToDoAndTheSinkGoesOn() throws Exception {
        String topic = kafka.newTopic(1);
        Stream<Object> source = Stream.create();
        List<Object> acknowledged = source.toKafka(topic, kafka.producerParams()).sinkToList();

        SerializationException error = assertThrows(SerializationException.class, () -> source.emit(42));
        source.emit("after");

        assertTrue(error.getMessage().contains("java.lang.Integer"), error.getMessage());
        assertTrue(error.getMessage().contains("value.serializer"), error.getMessage());
        assertEquals(List.of("after"), new ArrayList<>(acknowledged));
        source.destroy();
    }

    /** Records linger in the producer for a minute unless flushed: flush() sends them and waits. */
    @Test
    void flushSendsWhatTheProducerHoldsAndWaitsForIt() throws Exception {
        String topic = kafka.newTopic(1);
        Map<String, Object> params = kafka.producerParams();
        params.put("linger.ms", "60000");
        Stream<String> source = Stream.create();
        KafkaSink<String> sink = source.toKafka(topic, params);
        List<CompletableFuture<Void>> accepted = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            accepted.add(source.emitAsync("line " + i));
        }

        sink.flush();

        assertEquals(10, kafka.read(topic, 10).size());
        CompletableFuture.allOf(accepted.toArray(CompletableFuture[]::new)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        source.destroy();
    }

    @Test
    void destroyFlushesBeforeClosing() throws Exception {
        String topic = kafka.newTopic(1);
        Map<String, Object> params = kafka.producerParams();
        params.put("linger.ms", "60000");
        Stream<String> source = Stream.create();
        KafkaSink<String> sink = source.toKafka(topic, params);
        for (int i = 0; i < 10; i++) {
            source.emitAsync("line " + i);
        }

        sink.destroy();

        assertEquals(10, kafka.read(topic, 10).size());
    }

    /**
     * A producer the broker throttles (a quota of 100 bytes/s) keeps its records in its buffer for
     * seconds. Once the buffer is full, the next emit blocks for max.block.ms and that element fails
     * with Kafka's BufferExhaustedException: nothing piles up outside the producer's buffer. (Its
     * emitter learns it once the elements before it are done, which destroy() hastens.)
     */
    @Test
    void aFullProducerBufferHoldsTheEmitterUpThenFailsThatElement() throws Exception {
        String topic = kafka.newTopic(1);
        String clientId = "throttled-" + topic;
        kafka.limitProducer(clientId, 100);
        Map<String, Object> params = kafka.producerParams();
        params.put("client.id", clientId);
        params.put("buffer.memory", "4096");
        params.put("batch.size", "1024");
        params.put("max.block.ms", "300");
        // The broker answers a throttled request at once and mutes the client after it, so what it acknowledged
        // before the mute frees buffer memory: one request at a time and twice the records the buffer holds leave no
        // room for a busy machine's timing (6 records, 5 in flight, once all fitted under load).
        params.put("max.in.flight.requests.per.connection", "1");
        Stream<String> source = Stream.create();
        KafkaSink<String> sink = source.toKafka(topic, params);
        String value = "x".repeat(900);
        List<CompletableFuture<Void>> accepted = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            accepted.add(source.emitAsync(value));
        }

        sink.destroy();

        List<Throwable> failures = new ArrayList<>();
        for (CompletableFuture<Void> future : accepted) {
            try {
                future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                failures.add(e.getCause());
            }
        }
        assertTrue(failures.stream().anyMatch(BufferExhaustedException.class::isInstance), failures::toString);
    }

    /** No metadata from a broker: the send blocks for max.block.ms, then the emitter gets Kafka's timeout. */
    @Test
    void anUnreachableBrokerFailsTheEmitWithinMaxBlock() {
        Map<String, Object> params = nowhere();
        Stream<String> source = Stream.create();
        source.toKafka("t", params);

        TimeoutException error = assertTimeoutPreemptively(WAIT,
                () -> assertThrows(TimeoutException.class, () -> source.emit("lost")));

        assertTrue(error.getMessage().contains("1000 ms"), error.getMessage());
        source.destroy();
    }

    @Test
    void aFailureWithNoEmitterWaitingGoesToTheErrorHandler() throws Exception {
        List<Throwable> reported = new CopyOnWriteArrayList<>();
        ErrorHandler previous = Stream.setErrorHandler((where, error) -> reported.add(error));
        try {
            Stream<String> source = Stream.create();
            source.buffer(10).toKafka("t", nowhere());

            source.emit("lost");
            source.drain();

            assertInstanceOf(TimeoutException.class, reported.get(0));
            source.destroy();
        } finally {
            Stream.setErrorHandler(previous);
        }
    }

    @Test
    void badParametersFailAtOnceSayingWhatIsWrong() {
        Stream<String> source = Stream.create();
        Map<String, Object> noServers = kafka.producerParams();
        noServers.remove("bootstrap.servers");
        Map<String, Object> badSerializer = kafka.producerParams();
        badSerializer.put("value.serializer", "no.such.Serializer");

        assertMessage("bootstrap.servers", () -> source.toKafka("t", noServers));
        assertMessage("no.such.Serializer", () -> source.toKafka("t", badSerializer));
        assertMessage("topic", () -> source.toKafka(" ", kafka.producerParams()));
        assertMessage("producerParams", () -> source.toKafka("t", null));
        assertEquals(List.of(), source.downstreams());
    }

    @Test
    void toStringNamesTheOperatorAndTopic() {
        Stream<String> source = Stream.create();
        KafkaSink<String> sink = source.toKafka("clicks", kafka.producerParams());

        assertEquals("<to_kafka: clicks>", sink.toString());
        source.destroy();
        sink.destroy();
    }

    private static void assertMessage(String expected, Runnable call) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, call::run);
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }


    private static Map<String, Object> nowhere() {
        Map<String, Object> params = new HashMap<>();
        params.put("bootstrap.servers", "127.0.0.1:1");
        params.put("max.block.ms", "1000");
        return params;
    }
}
