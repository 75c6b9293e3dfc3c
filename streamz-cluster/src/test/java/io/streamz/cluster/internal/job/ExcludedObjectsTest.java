package io.streamz.cluster.internal.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** Which values hold an object Ignite's marshallers would write as null, and where. */
class ExcludedObjectsTest {
    record Line(String ip, int status, long bytes, String[] tags) {
    }

    record Holder(String name, Object payload) {
    }

    /** A graph with a cycle, open fields and a list. */
    static final class Link {
        Object value;
        Link next;
        final List<Object> extras = new ArrayList<>();
    }

    static final class WithTransient {
        transient Thread thread = Thread.currentThread();
        final int kept = 1;
    }

    /** Writes itself: trusted to leave its thread out. */
    static final class WritesItself implements Serializable {
        private static final long serialVersionUID = 1L;
        final Object thread = Thread.currentThread();

        private void writeObject(ObjectOutputStream out) throws IOException {
            out.writeInt(1);
        }
    }

    @Test
    void ordinaryValuesHoldNothingExcluded() {
        assertNull(ExcludedObjects.find(null));
        assertNull(ExcludedObjects.find(42));
        assertNull(ExcludedObjects.find("text"));
        assertNull(ExcludedObjects.find(new int[] {1, 2}));
        assertNull(ExcludedObjects.find(List.of(1, "two", 3.0)));
        assertNull(ExcludedObjects.find(Map.of("k", List.of(1))));
        assertNull(ExcludedObjects.find(new Line("10.0.0.1", 200, 512, new String[] {"a"})));
        assertNull(ExcludedObjects.find(new Holder("h", new Holder("inner", List.of(new Line("ip", 1, 2, null))))));
        assertNull(ExcludedObjects.find(Thread.State.NEW));
    }

    @Test
    void findsAThreadOrAClassLoaderItself() {
        assertEquals(new ExcludedObjects.Found(Thread.class, ""), ExcludedObjects.find(Thread.currentThread()));
        ClassLoader loader = getClass().getClassLoader();
        assertEquals(loader.getClass(), ExcludedObjects.find(loader).type());
    }

    @Test
    void findsAnExcludedObjectInsideRecordsCollectionsMapsAndArraysWithItsPath() {
        var executor = Executors.newSingleThreadExecutor();
        try {
            Object value = new Holder("h", List.of(1, Map.of("key", new Object[] {"x", executor})));

            ExcludedObjects.Found found = ExcludedObjects.find(value);

            assertEquals(".payload[1]{key}[1]", found.path());
            assertEquals(executor.getClass(), found.type());
        } finally {
            executor.shutdown();
        }
    }

    @Test
    void aCyclicGraphIsWalkedOnceAndItsExcludedObjectFound() {
        Link first = new Link();
        Link second = new Link();
        first.next = second;
        second.next = first;
        second.value = first;
        assertNull(ExcludedObjects.find(first));

        second.extras.add(Thread.currentThread());

        assertEquals(".next.extras[0]", ExcludedObjects.find(first).path());
    }

    @Test
    void transientFieldsAndClassesThatWriteThemselvesAreLeftAlone() {
        assertNull(ExcludedObjects.find(new WithTransient()));
        assertNull(ExcludedObjects.find(new WritesItself()));
    }
}
