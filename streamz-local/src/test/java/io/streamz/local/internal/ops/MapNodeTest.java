package io.streamz.local.internal.ops;

import io.streamz.Stream;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MapNodeTest {
    @Test
    void appliesTheFunctionToEveryElement() {
        Stream<Integer> source = Stream.create();
        List<Integer> results = source.map(x -> 2 * x).sinkToList();
        for (int i = 0; i < 5; i++) {
            source.emit(i);
        }
        assertEquals(List.of(0, 2, 4, 6, 8), results);
    }

    @Test
    void anExceptionReachesTheEmitCallerAndTheStreamKeepsWorking() {
        Stream<Integer> source = Stream.create();
        List<Integer> results = source.map(x -> 10 / x).sinkToList();
        assertThrows(ArithmeticException.class, () -> source.emit(0));
        source.emit(5);
        assertEquals(List.of(2), results);
    }

    @Test
    void aNullFunctionFailsWhenTheOperatorIsBuilt() {
        Stream<Integer> source = Stream.create();
        NullPointerException error = assertThrows(NullPointerException.class, () -> source.map(null));
        assertEquals("map function must not be null", error.getMessage());
    }

    @Test
    void toStringNamesTheOperatorAndTheGivenName() {
        Stream<Integer> source = Stream.create("numbers");
        assertEquals("<Stream: numbers>", source.toString());
        assertEquals("<map: inc>", source.map(x -> x + 1).named("inc").toString());
    }
}
