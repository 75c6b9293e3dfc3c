package io.streamz.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.function.Function;
import org.junit.jupiter.api.Test;

class FunctionNamesTest {
    /** A named function class, as a user writes one to get a readable {@code toString()}. */
    static final class Increment implements Function<Integer, Integer> {
        @Override
        public Integer apply(Integer x) {
            return x + 1;
        }
    }

    @Test
    void aNamedFunctionClassIsDescribedByItsSimpleName() {
        assertEquals("Increment", FunctionNames.describe(new Increment()));
    }

    @Test
    void aLambdaOrAnAnonymousClassHasNoName() {
        Function<Integer, Integer> lambda = x -> x + 1;
        Function<Integer, Integer> anonymous = new Function<>() {
            @Override
            public Integer apply(Integer x) {
                return x;
            }
        };

        assertNull(FunctionNames.describe(lambda));
        assertNull(FunctionNames.describe(anonymous));
    }
}
