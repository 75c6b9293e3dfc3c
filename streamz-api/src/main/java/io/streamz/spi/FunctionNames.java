package io.streamz.spi;

/**
 * A readable name for a user function in an operator's {@code toString()}, for every module that
 * builds operators (the local engine, the cluster): a lambda has no name of its own, so only a named
 * class (or a method reference's class) gives one. Pure; any thread.
 */
public final class FunctionNames {
    private FunctionNames() {
    }

    /** The simple name of {@code function}'s class, or {@code null} for a lambda or an anonymous class. */
    public static String describe(Object function) {
        Class<?> type = function.getClass();
        if (type.isSynthetic() || type.isAnonymousClass() || type.isHidden()
                || type.getSimpleName().contains("$$Lambda")) {
            return null;
        }
        return type.getSimpleName();
    }
}
