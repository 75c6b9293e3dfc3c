package io.streamz.cluster.ignite.stream;

/** The name of a user function in {@code toString()}: a named class has one, a lambda none. */
final class FunctionName {
    private FunctionName() {
    }

    static String of(Object function) {
        Class<?> type = function.getClass();
        if (type.isSynthetic() || type.isAnonymousClass() || type.isHidden()) {
            return null;
        }
        return type.getSimpleName();
    }
}
