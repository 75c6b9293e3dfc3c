package io.streamz.function;

/** Rethrows what a user function threw: unchecked as is, checked wrapped once. */
final class Sneaky {
    private Sneaky() {
    }

    static RuntimeException propagate(Exception e) {
        if (e instanceof RuntimeException runtime) {
            return runtime;
        }
        return new UserFunctionException(e);
    }
}
