package io.streamz.local.internal.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamz.Stream;
import io.streamz.local.testsupport.AcceptLaterNode;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The counting helper on its own, without Kafka: counters, their sets, the current set of a thread. */
class RefsTest {
    @Test
    void aCounterRunsItsCallbackOnceWhenItsLastHolderLetsGo() {
        AtomicInteger done = new AtomicInteger();
        RefCounter counter = new RefCounter(done::incrementAndGet);
        counter.retain();
        counter.release();
        assertEquals(0, done.get(), "the creator still holds it");

        counter.release();
        assertEquals(1, done.get());
        assertTrue(counter.isDone());
    }

    @Test
    void releasingMoreOftenThanRetainedOrRetainingWhenDoneFailsSayingSo() {
        RefCounter counter = new RefCounter(() -> { });
        counter.release();
        IllegalStateException over = assertThrows(IllegalStateException.class, counter::release);
        assertTrue(over.getMessage().contains("released more often than retained"), over.getMessage());
        IllegalStateException late = assertThrows(IllegalStateException.class, counter::retain);
        assertTrue(late.getMessage().contains("retained after it was done"), late.getMessage());
    }

    @Test
    void mergingHoldsEachCounterOnceSoOneReleaseLetsGoOfIt() {
        RefCounter a = new RefCounter(() -> { });
        RefCounter b = new RefCounter(() -> { });
        Refs first = Refs.of(a).retain();                  // a: 2
        Refs second = Refs.merge(Refs.of(a).retain(), Refs.of(b).retain()); // a: 3, b: 2

        Refs merged = Refs.merge(first, second);           // the second hold on a is given back

        assertEquals(2, a.count());
        assertEquals(2, b.count());
        merged.release();
        assertEquals(1, a.count());
        assertEquals(1, b.count());
    }

    @Test
    void theCurrentRefsAreThoseOfTheInnermostRunAndNoneOutside() {
        Refs outer = Refs.of(new RefCounter(() -> { }));
        Refs inner = Refs.of(new RefCounter(() -> { }));
        Refs[] seen = new Refs[3];

        Refs.runWith(outer, () -> {
            seen[0] = Refs.current();
            Refs.runWith(inner, () -> seen[1] = Refs.current());
            seen[2] = Refs.current();
        });

        assertSame(outer, seen[0]);
        assertSame(inner, seen[1]);
        assertSame(outer, seen[2]);
        assertNull(Refs.current());
        assertNull(Refs.retainCurrent());
    }

    @Test
    void emitAndReleaseLetsGoOnlyOnceDownstreamAccepted() {
        Node<?> node = Node.asNode(Stream.create());
        AcceptLaterNode slow = AcceptLaterNode.after(node);
        RefCounter counter = new RefCounter(() -> { });
        Refs owned = Refs.of(counter).retain();

        Refs.emitAndRelease(node, "x", owned);
        assertEquals(2, counter.count(), "downstream has not accepted yet");

        slow.accept(0);
        assertEquals(1, counter.count());
        assertFalse(counter.isDone(), "the creator's own hold remains");
    }

    @Test
    void refSlotsGiveBackWhatAPlaceHeldAndRetainTheirUnion() {
        RefCounter a = new RefCounter(() -> { });
        RefCounter b = new RefCounter(() -> { });
        RefSlots slots = new RefSlots(3);
        assertNull(slots.put(0, null));
        assertNull(slots.retainUnion(), "nothing held, nothing allocated");

        slots.put(0, Refs.of(a).retain());
        slots.put(1, Refs.of(a).retain());
        Refs replaced = slots.put(1, Refs.of(b).retain());
        Refs union = slots.retainUnion();

        replaced.release();
        assertEquals(3, a.count(), "creator, slot 0, union");
        assertEquals(3, b.count(), "creator, slot 1, union");
        union.release();
        assertEquals(2, a.count());
    }
}
