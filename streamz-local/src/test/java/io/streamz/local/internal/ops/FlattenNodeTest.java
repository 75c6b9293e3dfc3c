package io.streamz.local.internal.ops;

import io.streamz.Stream;
import io.streamz.local.testsupport.AcceptLaterNode;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FlattenNodeTest {
    @Test
    void emitsEachItemOfIterableElementsInOrder() {
        Stream<List<Integer>> source = Stream.create();
        List<Integer> results = source.<Integer>flatten().sinkToList();
        source.emit(List.of(1, 2, 3));
        source.emit(List.of(4, 5));
        source.emit(List.of(6, 7, 7));
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 7), results);
    }

    @Test
    void flattensArraysPrimitiveOnesToo() {
        Stream<Object> source = Stream.create();
        List<Object> results = source.flatten().sinkToList();
        source.emit(new String[] {"a", "b"});
        source.emit(new int[] {1, 2});
        source.emit(Set.of("c"));
        assertEquals(List.of("a", "b", 1, 2, "c"), results);
    }

    @Test
    void anEmptyElementEmitsNothingAndNullItemsPass() {
        Stream<List<String>> source = Stream.create();
        List<String> results = source.<String>flatten().sinkToList();
        source.emit(List.of());
        source.emit(Arrays.asList("a", null));
        assertEquals(Arrays.asList("a", null), results);
    }

    @Test
    void anElementThatIsNotIterableFailsTheEmitClearly() {
        Stream<Object> source = Stream.create();
        List<Object> results = source.flatten().sinkToList();

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> source.emit("ab"));
        assertEquals("flatten needs elements that are Iterables or arrays, got String ab", error.getMessage());
        assertEquals("flatten needs elements that are Iterables or arrays, got null",
                assertThrows(IllegalArgumentException.class, () -> source.emit(null)).getMessage());
        source.emit(List.of(1));
        assertEquals(List.of(1), results);
    }

    @Test
    void aFailingItemStopsTheElementThereAfterTheItemsBeforeIt() {
        Stream<List<Integer>> source = Stream.create();
        Stream<Integer> items = source.flatten();
        List<Integer> results = items.map(x -> 10 / x).sinkToList();

        assertThrows(ArithmeticException.class, () -> source.emit(List.of(1, 0, 2)));
        source.emit(List.of(5));
        assertEquals(List.of(10, 2), results);
    }

    @Test
    void theElementIsAcceptedOnceEveryItemIs() {
        Stream<List<Integer>> source = Stream.create();
        AcceptLaterNode downstream = AcceptLaterNode.after(source.flatten());

        CompletableFuture<Void> accepted = source.emitAsync(List.of(1, 2));
        assertEquals(List.of(1, 2), downstream.received());
        downstream.accept(1);
        assertFalse(accepted.isDone());
        downstream.accept(0);
        assertTrue(accepted.isDone());
    }

    @Test
    void toStringNamesTheOperator() {
        assertEquals("<flatten>", Stream.create().flatten().toString());
    }
}
