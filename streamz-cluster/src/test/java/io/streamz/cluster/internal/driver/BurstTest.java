package io.streamz.cluster.internal.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BurstTest {
    private final List<String> ran = new ArrayList<>();

    @Test
    void outsideABurstAnActionRunsAtOnce() {
        Burst.runOrDefer(() -> ran.add("pump"));

        assertEquals(List.of("pump"), ran);
        assertFalse(Burst.active());
    }

    @Test
    void insideABurstAnActionRunsOnceAtItsEndHoweverOftenItWasDeferred() {
        Runnable pump = () -> ran.add("pump");

        Burst.run(() -> {
            assertTrue(Burst.active());
            Burst.runOrDefer(pump);
            Burst.runOrDefer(pump);
            ran.add("body");
        });

        assertEquals(List.of("body", "pump"), ran, "the elements that became ready together leave together");
        assertFalse(Burst.active());
    }

    @Test
    void distinctActionsRunAtTheEndInTheOrderTheyWereDeferred() {
        Burst.run(() -> {
            Burst.runOrDefer(() -> ran.add("first"));
            Burst.runOrDefer(() -> ran.add("second"));
        });

        assertEquals(List.of("first", "second"), ran);
    }

    @Test
    void aBurstInsideABurstDefersToTheEndOfTheOuterOne() {
        Burst.run(() -> {
            Burst.run(() -> Burst.runOrDefer(() -> ran.add("pump")));
            ran.add("outer body");
        });

        assertEquals(List.of("outer body", "pump"), ran);
    }

    @Test
    void aBodyThatThrowsEndsTheBurstOnItsThread() {
        assertThrows(IllegalStateException.class, () -> Burst.run(() -> {
            throw new IllegalStateException("a completion failed");
        }));

        assertFalse(Burst.active(), "a later completion on this thread must not defer into a burst that is over");
    }

    @Test
    void theActionsDeferredBeforeTheBodyThrewStillRun() {
        List<String> ran = new ArrayList<>();
        Runnable pump = () -> ran.add("pump");

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> Burst.run(() -> {
            Burst.runOrDefer(pump);
            throw new IllegalStateException("a completion failed");
        }));

        assertEquals("a completion failed", thrown.getMessage());
        assertEquals(List.of("pump"), ran, "a pump left out would leave its elements waiting for good");
    }

    @Test
    void anActionThatThrowsDoesNotKeepTheOthersFromRunning() {
        List<String> ran = new ArrayList<>();
        Runnable failing = () -> {
            throw new IllegalArgumentException("pump failed");
        };
        Runnable second = () -> ran.add("second");

        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> Burst.run(() -> {
            Burst.runOrDefer(failing);
            Burst.runOrDefer(second);
        }));

        assertEquals("pump failed", thrown.getMessage());
        assertEquals(List.of("second"), ran);
    }
}
