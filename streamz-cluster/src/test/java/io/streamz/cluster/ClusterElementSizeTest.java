package io.streamz.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamz.ErrorHandler;
import io.streamz.Stream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code IgniteClusterOptions.withMaxElementBytes}: what is larger fails at emit, and the stream goes on. */
class ClusterElementSizeTest {
    private static final int LIMIT = 64 * 1024;

    @RegisterExtension
    static final EmbeddedCluster CLUSTER = new EmbeddedCluster(2, IgniteClusterOptions.defaults().withMaxElementBytes(LIMIT));

    @Test
    void anElementOverTheLimitFailsAtEmitNamingItsClassSizeAndTheLimitAndTheNextOneGoesThrough() {
        Stream<Object> source = Stream.create();
        List<Object> results = source.scatter().map((Object x) -> x instanceof String s ? s.length() : x).gather().sinkToList();

        ElementTooLargeException error = assertThrows(ElementTooLargeException.class, () -> source.emit("x".repeat(LIMIT + 1)));
        source.emit("small");

        assertEquals(List.of(5), results);
        assertEquals(LIMIT, error.limit());
        assertTrue(error.size() > LIMIT, "size " + error.size());
        assertTrue(error.getMessage().contains("java.lang.String"), error.getMessage());
        assertTrue(error.getMessage().contains(error.size() + " bytes"), error.getMessage());
        assertTrue(error.getMessage().contains(LIMIT + " bytes"), error.getMessage());
        assertTrue(error.getMessage().contains("IgniteClusterOptions.withMaxElementBytes"), error.getMessage());
    }

    @Test
    void anElementJustUnderTheLimitGoesThrough() {
        Stream<byte[]> source = Stream.create();
        List<Integer> lengths = source.scatter().map((byte[] x) -> x.length).gather().sinkToList();

        source.emit(new byte[LIMIT - 64]);

        assertEquals(List.of(LIMIT - 64), lengths);
    }

    @Test
    void withABufferTheElementsAlreadyAcceptedAreGatheredAndTheEmitterStillGetsTheError() {
        Stream<byte[]> source = Stream.create();
        List<Integer> lengths = source.scatter().map((byte[] x) -> x.length).buffer(8).gather().sinkToList();

        source.emit(new byte[1]);
        source.emit(new byte[2]);
        assertThrows(ElementTooLargeException.class, () -> source.emit(new byte[2 * LIMIT]));
        source.emit(new byte[3]);
        source.drain();

        assertEquals(List.of(1, 2, 3), lengths);
        assertEquals(0, CLUSTER.get().storedResults());
    }

    @Test
    void afterABufferBeforeScatterTheErrorReachesTheErrorHandler() {
        List<Throwable> reported = new CopyOnWriteArrayList<>();
        ErrorHandler previous = Stream.setErrorHandler((where, error) -> reported.add(error));
        try {
            Stream<byte[]> source = Stream.create();
            List<Integer> lengths = source.buffer(4).scatter().map((byte[] x) -> x.length).gather().sinkToList();

            source.emit(new byte[1]);
            source.emit(new byte[2 * LIMIT]);
            source.emit(new byte[3]);
            source.drain();

            assertEquals(List.of(1, 3), lengths);
            assertEquals(1, reported.size(), reported.toString());
            assertInstanceOf(ElementTooLargeException.class, reported.get(0));
        } finally {
            Stream.setErrorHandler(previous);
        }
    }

    @Test
    void aZipOfScatteredValuesLargerTogetherThanTheLimitFailsItsElementAndTheNextGoesThrough() {
        Stream<byte[]> left = Stream.create();
        Stream<byte[]> right = Stream.create();
        List<Integer> sizes = left.scatter().zip(right.scatter())
                .map((List<Object> pair) -> ((byte[]) pair.get(0)).length + ((byte[]) pair.get(1)).length)
                .gather().sinkToList();

        left.emit(new byte[LIMIT * 3 / 4]);
        ElementTooLargeException error = assertThrows(ElementTooLargeException.class, () -> right.emit(new byte[LIMIT * 3 / 4]));
        left.emit(new byte[1]);
        right.emit(new byte[2]);

        assertEquals(List.of(3), sizes);
        assertTrue(error.getMessage().contains("List of 2"), error.getMessage());
    }

    @Test
    void aPartitionOfScatteredValuesLargerTogetherThanTheLimitFailsItsElement() {
        Stream<byte[]> source = Stream.create();
        List<Integer> counts = source.scatter().partition(3).map((List<byte[]> part) -> part.size()).gather().sinkToList();

        source.emit(new byte[LIMIT / 2]);
        source.emit(new byte[LIMIT / 2]);
        assertThrows(ElementTooLargeException.class, () -> source.emit(new byte[LIMIT / 2]));
        for (int i = 0; i < 3; i++) {
            source.emit(new byte[1]);
        }

        assertEquals(List.of(3), counts);
    }

    @Test
    void aResultOverTheLimitFailsItsElementOnlyAndTheOthersOfTheBatchSucceed() {
        List<Throwable> reported = new CopyOnWriteArrayList<>();
        ErrorHandler previous = Stream.setErrorHandler((where, error) -> reported.add(error));
        try {
            Stream<Integer> source = Stream.create();
            List<Integer> lengths = source.scatter().map((Integer n) -> new byte[n]).map((byte[] x) -> x.length)
                    .buffer(16).gather().sinkToList();

            for (int i = 0; i < 10; i++) {
                source.emit(i == 5 ? 2 * LIMIT : i);
            }
            source.drain();

            assertEquals(List.of(0, 1, 2, 3, 4, 6, 7, 8, 9), lengths);
            assertEquals(1, reported.size(), reported.toString());
            ElementTooLargeException error = assertInstanceOf(ElementTooLargeException.class, reported.get(0));
            assertTrue(error.getMessage().contains("byte[] result"), error.getMessage());
            assertEquals(LIMIT, error.limit());
        } finally {
            Stream.setErrorHandler(previous);
        }
    }

    @Test
    void aResultOverTheLimitGatheredDirectlyFailsTheEmit() {
        Stream<Integer> source = Stream.create();
        List<Integer> lengths = source.scatter().map((Integer n) -> new byte[n]).gather().map(x -> x.length).sinkToList();

        Throwable error = assertThrows(RuntimeException.class, () -> source.emit(2 * LIMIT));
        source.emit(7);

        assertInstanceOf(ElementTooLargeException.class, rootOrSelf(error, ElementTooLargeException.class), error.toString());
        assertEquals(List.of(7), lengths);
    }

    private static Throwable rootOrSelf(Throwable error, Class<?> wanted) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (wanted.isInstance(t)) {
                return t;
            }
        }
        return error;
    }
}
