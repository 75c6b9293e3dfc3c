package io.streamz.local.internal.core;

import io.streamz.function.UserFunctionException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertSame;

class FuturesTest {

    @Test
    void unwrapFindsTheOriginalUnderNestedCompletionAndExecutionExceptions() {
        IllegalStateException original = new IllegalStateException("boom");
        Throwable wrapped = new CompletionException(new ExecutionException(new CompletionException(original)));

        assertSame(original, Futures.unwrap(wrapped));
    }

    @Test
    void unwrapLeavesAnExceptionThatIsNoWrapperAndAWrapperWithoutCauseAsTheyAre() {
        IllegalStateException plain = new IllegalStateException("plain", new CompletionException(new IOException()));
        CompletionException empty = new CompletionException("no cause", null);

        assertSame(plain, Futures.unwrap(plain));
        assertSame(empty, Futures.unwrap(empty));
    }

    @Test
    void rethrowableGivesAnUncheckedOriginalAsItIsAndWrapsACheckedOneOnce() {
        IllegalStateException unchecked = new IllegalStateException("boom");
        IOException checked = new IOException("disk");

        assertSame(unchecked, Futures.rethrowable(new CompletionException(unchecked)));
        RuntimeException rethrown = Futures.rethrowable(new ExecutionException(checked));
        assertSame(UserFunctionException.class, rethrown.getClass());
        assertSame(checked, rethrown.getCause());
    }
}
