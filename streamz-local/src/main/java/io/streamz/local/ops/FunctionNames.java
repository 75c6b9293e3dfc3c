package io.streamz.local.ops;

/**
 * A readable name for a user function in {@code toString()}: a lambda has no name of its own, so
 * only a named class (or a method reference's class) gives one. The cluster's operators use it too.
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
