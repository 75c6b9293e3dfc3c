package io.streamz.local.ops;

/**
 * A readable name for a user function in {@code toString()}: a lambda has no name of its own, so
 * only a named class (or a method reference's class) gives one.
 */
final class FunctionNames {
    private FunctionNames() {
    }

    static String describe(Object function) {
        Class<?> type = function.getClass();
        if (type.isSynthetic() || type.isAnonymousClass() || type.getSimpleName().contains("$$Lambda")) {
            return null;
        }
        return type.getSimpleName();
    }
}
