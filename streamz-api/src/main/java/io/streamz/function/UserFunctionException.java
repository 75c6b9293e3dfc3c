package io.streamz.function;

/**
 * Wraps, once, a checked exception thrown by a user function (a {@code FunctionEx} and its kin),
 * so that it can travel through {@code emit}. The original is {@link #getCause()}.
 */
public final class UserFunctionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserFunctionException(Throwable cause) {
        super(cause.toString(), cause);
    }
}
