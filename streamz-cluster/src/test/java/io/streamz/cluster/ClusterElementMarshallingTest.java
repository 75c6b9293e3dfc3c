package io.streamz.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamz.Stream;
import java.io.Serializable;
import java.net.URLClassLoader;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Elements Ignite's marshallers would write as {@code null} (threads, class loaders...) fail at emit
 * naming their class, never arriving as a silent {@code null}; a {@code null} element stays a
 * {@code null}; ordinary values of every shape still make the round trip.
 */
class ClusterElementMarshallingTest {
    @RegisterExtension
    static final EmbeddedCluster CLUSTER = new EmbeddedCluster(2);

    record Worker(String name, Thread thread) implements Serializable {
    }

    record Wrapper(Object payload) implements Serializable {
    }

    record NotSerializableRecord(int value) {
    }

    /** Not Serializable: a record holding it cannot go by Java serialization. */
    static final class Opaque {
        final int value = 1;
    }

    record HoldsOpaque(Opaque opaque) implements Serializable {
    }

    static final class Holder implements Serializable {
        private static final long serialVersionUID = 1L;
        final List<Object> items = new ArrayList<>();
    }

    record Point(int x, int y, String label) implements Serializable {
    }

    @Test
    void aThreadFailsAtEmitNamingItsClassAndTheNextElementGoesThrough() {
        Stream<Object> source = Stream.create();
        List<Object> results = identity(source);

        UnmarshallableElementException error = assertThrows(UnmarshallableElementException.class,
                () -> source.emit(new Thread(() -> { })));
        source.emit("next");

        assertEquals(List.of("next"), results);
        assertTrue(error.getMessage().startsWith("a java.lang.Thread element cannot be sent over the cluster"), error.getMessage());
        assertTrue(error.getMessage().contains("as null"), error.getMessage());
    }

    @Test
    void aClassLoaderFailsAtEmitNamingItsClass() throws Exception {
        Stream<Object> source = Stream.create();
        List<Object> results = identity(source);

        try (URLClassLoader loader = new URLClassLoader(new URL[0])) {
            UnmarshallableElementException error = assertThrows(UnmarshallableElementException.class, () -> source.emit(loader));
            assertTrue(error.getMessage().contains("java.net.URLClassLoader"), error.getMessage());
        }
        assertEquals(List.of(), results);
    }

    @Test
    void aRecordHoldingAThreadFailsAtEmitNamingTheThreadAndWhereItSits() {
        Stream<Object> source = Stream.create();
        List<Object> results = identity(source);

        UnmarshallableElementException error = assertThrows(UnmarshallableElementException.class,
                () -> source.emit(new Worker("w", Thread.currentThread())));

        assertEquals(List.of(), results);
        assertTrue(error.getMessage().contains(Worker.class.getName()), error.getMessage());
        assertTrue(error.getMessage().contains("java.lang.Thread it holds at .thread"), error.getMessage());
    }

    @Test
    void aThreadDeepInsideCollectionsAndOpenFieldsIsFoundWithItsPath() {
        Stream<Object> source = Stream.create();
        identity(source);
        Holder holder = new Holder();
        holder.items.add("fine");
        holder.items.add(Map.of("k", new Wrapper(Thread.currentThread())));

        UnmarshallableElementException error = assertThrows(UnmarshallableElementException.class, () -> source.emit(holder));

        assertTrue(error.getMessage().contains("at .items[1]{k}.payload"), error.getMessage());
    }

    @Test
    void aRecordHoldingSomethingNotSerializableFailsAtEmitNamingThatClass() {
        Stream<Object> source = Stream.create();
        List<Object> results = identity(source);

        UnmarshallableElementException error = assertThrows(UnmarshallableElementException.class,
                () -> source.emit(new HoldsOpaque(new Opaque())));
        source.emit(1);

        assertEquals(List.of(1), results);
        assertTrue(error.getMessage().contains(Opaque.class.getName() + " it holds is not Serializable"), error.getMessage());
    }

    @Test
    void aRecordThatIsNotSerializableFailsAtEmitSayingSo() {
        Stream<Object> source = Stream.create();
        identity(source);

        UnmarshallableElementException error = assertThrows(UnmarshallableElementException.class,
                () -> source.emit(new NotSerializableRecord(1)));

        assertTrue(error.getMessage().contains(NotSerializableRecord.class.getName() + " element"), error.getMessage());
        assertTrue(error.getMessage().contains("it is not Serializable"), error.getMessage());
    }

    @Test
    void aFunctionReturningAThreadFailsThatElementInsteadOfGatheringNull() {
        Stream<Integer> source = Stream.create();
        List<Object> results = source.scatter().map((Integer x) -> x == 1 ? Thread.currentThread() : (Object) x).gather().sinkToList();

        source.emit(0);
        Throwable error = assertThrows(RuntimeException.class, () -> source.emit(1));
        source.emit(2);

        assertEquals(List.of(0, 2), results);
        UnmarshallableElementException cause = causeOf(error, UnmarshallableElementException.class);
        assertTrue(cause.getMessage().contains("Thread result cannot be sent over the cluster"), cause.getMessage());
    }

    @Test
    void aNullElementIsGatheredAsNull() {
        Stream<Object> source = Stream.create();
        List<Object> results = Collections.synchronizedList(new ArrayList<>());
        source.scatter().map((Object x) -> x).buffer(4).gather().sink(results::add);

        source.emit(null);
        source.emit("after");
        source.emit(null);
        source.drain();

        assertEquals(Arrays.asList(null, "after", null), results);
    }

    @Test
    void ordinaryValuesOfEveryShapeMakeTheRoundTripUnchanged() {
        Stream<Object> source = Stream.create();
        List<Object> results = Collections.synchronizedList(new ArrayList<>());
        source.scatter().map((Object x) -> x).buffer(8).gather().sink(results::add);
        Map<String, Object> map = new HashMap<>();
        map.put("point", new Point(1, 2, "p"));
        map.put("list", List.of(1, 2, 3));
        List<Object> sent = List.of(42, "text", 2.5, List.of("a", "b"), map, new Point(3, 4, "q"),
                new Wrapper(List.of(new Point(5, 6, "r"))), Thread.State.RUNNABLE);

        for (Object value : sent) {
            source.emit(value);
        }
        source.emit(new int[] {1, 2, 3});
        source.drain();

        assertEquals(sent, results.subList(0, sent.size()));
        assertEquals(List.of(1, 2, 3), Arrays.stream((int[]) results.get(sent.size())).boxed().toList());
    }

    @Test
    void sixFiftyMegabyteElementsFailAtEmitWithTheDefaultLimitAndTheClusterStaysUp() {
        Stream<byte[]> source = Stream.create();
        List<Integer> lengths = source.scatter().map((byte[] x) -> x.length).buffer(8).gather().sinkToList();

        for (int i = 0; i < 6; i++) {
            ElementTooLargeException error = assertThrows(ElementTooLargeException.class, () -> source.emit(new byte[50 << 20]));
            assertEquals(IgniteClusterOptions.defaults().maxElementBytes(), error.limit());
        }
        source.emit(new byte[1024]);
        source.drain();

        assertEquals(List.of(1024), lengths);
        CLUSTER.get().serverNames().forEach(name -> assertEquals(org.apache.ignite.IgniteState.STARTED,
                org.apache.ignite.Ignition.state(name)));
        assertEquals(0, CLUSTER.get().storedResults());
    }

    private static List<Object> identity(Stream<Object> source) {
        return source.scatter().map((Object x) -> x).gather().sinkToList();
    }

    private static <T extends Throwable> T causeOf(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return assertInstanceOf(type, error);
    }
}
